package dev.lifecycle.http.problem;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Seeded generator of malformed and hostile requests to every endpoint of the admin API, for the
 * bad-API-input campaign. Each request starts as a well-formed call of one endpoint against the
 * campaign's fixtures and is then spoilt by one kind of attack; kinds and endpoints are taken in
 * turn, so that every pair is tried, and the details are drawn from the seed.
 */
final class HostileRequests {

    /** The campaign's fixtures: a governed table with its policy, an archived object, a hold and a restore job. */
    record Fixtures(String policy, String table, String objectKey, String hold, String job) {
    }

    /** What an endpoint takes in its body. */
    enum Body { NONE, POLICY, RESTORE, HOLD, APPLY, REPLAY }

    /** One endpoint: its method, its path with {id}, {table}, {hold} or {job}, its body, query parameters and headers it reads. */
    record Endpoint(String method, String path, Body body, List<String> query, boolean ifMatch, boolean prefer) {
        @Override
        public String toString() {
            return method + " " + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        }
    }

    /** One request to send: the attack it carries, the endpoint it spoils, and exactly what goes on the wire. */
    record Probe(String attack, Endpoint endpoint, String method, String target, Map<String, String> headers, byte[] body,
                 boolean chunked) {
    }

    /** The endpoints of the admin API, as its resources declare them. */
    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/api/v1/info", Body.NONE, List.of(), false, false),
            new Endpoint("GET", "/api/v1/policies", Body.NONE, List.of("limit", "after"), false, false),
            new Endpoint("POST", "/api/v1/policies", Body.POLICY, List.of(), false, false),
            new Endpoint("GET", "/api/v1/policies/{id}", Body.NONE, List.of(), false, false),
            new Endpoint("PUT", "/api/v1/policies/{id}", Body.POLICY, List.of(), true, false),
            new Endpoint("DELETE", "/api/v1/policies/{id}", Body.NONE, List.of(), true, false),
            new Endpoint("GET", "/api/v1/policies/{id}/history", Body.NONE, List.of(), false, false),
            new Endpoint("GET", "/api/v1/policies/{id}/plan", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/policies/{id}/apply", Body.APPLY, List.of(), true, false),
            new Endpoint("GET", "/api/v1/policies/{id}/status", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/policies/{id}/drift-check", Body.NONE, List.of(), false, false),
            new Endpoint("GET", "/api/v1/policies/{id}/ttl-audit", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/policies/{id}/ttl-audit", Body.NONE, List.of("maxItems"), false, false),
            new Endpoint("GET", "/api/v1/tables/{table}/archives", Body.NONE, List.of("day", "limit", "after"), false, false),
            new Endpoint("GET", "/api/v1/tables/{table}/archives", Body.NONE, List.of("key", "from", "to"), false, false),
            new Endpoint("GET", "/api/v1/tables/{table}/archives/object", Body.NONE, List.of("key"), false, false),
            new Endpoint("POST", "/api/v1/tables/{table}/restores", Body.RESTORE, List.of(), false, true),
            new Endpoint("GET", "/api/v1/restores", Body.NONE, List.of("limit"), false, false),
            new Endpoint("GET", "/api/v1/restores/{job}", Body.NONE, List.of(), false, false),
            new Endpoint("GET", "/api/v1/tables/{table}/completeness", Body.NONE, List.of("day"), false, false),
            new Endpoint("POST", "/api/v1/holds", Body.HOLD, List.of(), false, false),
            new Endpoint("GET", "/api/v1/holds", Body.NONE, List.of(), false, false),
            new Endpoint("GET", "/api/v1/holds/{hold}", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/holds/{hold}/release", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/holds/enforce", Body.NONE, List.of(), false, false),
            new Endpoint("POST", "/api/v1/replays", Body.REPLAY, List.of(), false, false));

    /** Strings that try SQL, script, template, shell and JNDI injection, path traversal, CRLF, null bytes and odd unicode. */
    static final String[] HOSTILE = {
        "' OR '1'='1", "x'; DROP TABLE policies; --", "\" OR \"\"=\"", "1; SELECT * FROM users", "admin'--", "1 UNION SELECT null",
        "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "</title><svg/onload=alert(1)>",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2f", "/etc/passwd\u0000.json", "....//....//",
        "line\r\nX-Injected: yes", "\r\n\r\nHTTP/1.1 200 OK", "null\u0000byte", "\u0000", "\u0007\u001b[31m",
        "${jndi:ldap://127.0.0.1/a}", "{{7*7}}", "#{7*7}", "<%= 7*7 %>", "%s%s%s%n", "$(rm -rf /)", "`id`", "; ls -la",
        "\u202Eevil", "zero\u200Bwidth", "\uD83D\uDE00", "\u65E5\u672C\u8A9E", "e\u0301", "\uFEFF", "\uD800", "\uDFFF",
        "NaN", "-1", "0", "99999999999999999999", "1e309", "true", "[]", "{}", "", " ", "null", "undefined",
        "%", "%zz", "+", "?", "#", "&", "=", "\\", "*", "a".repeat(300), "b".repeat(5_000)};

    private static final String[] BAD_IF_MATCH = {"*", " * ", "W/\"1\"", "\"abc\"", "\"1\", \"2\"", "1", "\"\"", "\"0\"", "\"-1\"",
        "\"99999999999999999999\"", "\"1", "1\"", "\"\u00e9\"", "\"" + "9".repeat(300) + "\"", "garbage", "\"1\"\"", "W/", ""};
    private static final String[] BAD_CONTENT_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x", "application/json; charset=ebcdic", "application/json; charset=utf-16",
        "application/json;;", "garbage", "application/problem+json", "*/*", "application/", "/json", "application/json\u00e9"};
    private static final String[] BAD_PREFER = {"wait=abc", "wait=-1", "wait=99999999999", "wait=1e3", "wait=", "respond-async",
        "wait=2, wait=3", "return=minimal", "wait=0x10", "wait=\u0661", "wait=2;wait=1", "handling=strict; wait=1", "=", ","};
    private static final String[] BAD_ACCEPT = {"application/xml", "text/html", "image/png", "application/json;q=0",
        "garbage", "*/*;q=abc", "text/*"};

    private final Random random;
    private final Fixtures fixtures;
    /** Signed once: a campaign lasts well under the tokens' five minutes. */
    private final String admin = Tokens.admin("campaign");
    private final List<Attack> attacks = new ArrayList<>();
    private int next;
    private int unique;

    /** An attack: its name, whether it spoils bodies (and so goes to the endpoints that read one), and how. */
    private record Attack(String name, boolean bodies, BiFunction<Endpoint, Probe, Probe> spoil) {
    }

    private static final List<Endpoint> BODY_ENDPOINTS = ENDPOINTS.stream().filter(endpoint -> endpoint.body() != Body.NONE).toList();

    HostileRequests(long seed, Fixtures fixtures) {
        this.random = new Random(seed);
        this.fixtures = fixtures;
        attack("broken-json", true, this::brokenJson);
        attack("huge-body", true, this::hugeBody);
        attack("wrong-types", true, this::wrongTypes);
        attack("deeply-nested-json", true, this::deeplyNested);
        attack("missing-null-duplicate-unknown-fields", true, this::oddFields);
        attack("injection-in-body", true, this::injectionInBody);
        attack("injection-in-path", false, this::injectionInPath);
        attack("injection-in-query", false, this::injectionInQuery);
        attack("bad-token", false, this::badToken);
        attack("bad-if-match", false, this::badIfMatch);
        attack("bad-content-type", true, this::badContentType);
        attack("bad-prefer", false, this::badPrefer);
        attack("bad-accept", false, this::badAccept);
        attack("wrong-method", false, this::wrongMethod);
        attack("unknown-path", false, this::unknownPath);
        attack("extreme-values", false, this::extremeValues);
    }

    private void attack(String name, boolean bodies, BiFunction<Endpoint, Probe, Probe> spoil) {
        attacks.add(new Attack(name, bodies, spoil));
    }

    /**
     * The next request: attacks in turn, each going through its endpoints in turn (every endpoint,
     * or those that read a body), so that a few hundred requests try every pair.
     */
    Probe next() {
        Attack attack = attacks.get(next % attacks.size());
        List<Endpoint> targets = attack.bodies() ? BODY_ENDPOINTS : ENDPOINTS;
        Endpoint endpoint = targets.get((next / attacks.size()) % targets.size());
        next++;
        return attack.spoil().apply(endpoint, wellFormed(attack.name(), endpoint));
    }

    int kinds() {
        return attacks.size();
    }

    // ------------------------------------------------------------------ the well-formed request

    private Probe wellFormed(String attack, Endpoint endpoint) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + admin);
        headers.put("Accept", "application/json");
        byte[] body = null;
        if (endpoint.body() != Body.NONE) {
            headers.put("Content-Type", "application/json");
            body = bytes(validBody(endpoint.body()));
        }
        if (endpoint.ifMatch()) {
            // a version the fixture never reaches: a change that gets through the attack answers 412, and the fixture stays
            headers.put("If-Match", "\"9999\"");
        }
        if (endpoint.prefer()) {
            headers.put("Prefer", "wait=1");
        }
        return new Probe(attack, endpoint, endpoint.method(), target(endpoint, null, validQuery(endpoint)), headers, body, false);
    }

    private String validBody(Body body) {
        return switch (body) {
            case POLICY -> Policies.body("campaign-new-" + (unique++));
            case RESTORE -> oneOf("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\", \"dryRun\": true}",
                    "{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}], \"from\": \"2026-11-01\", \"to\": \"2026-11-30\", \"dryRun\": true}",
                    "{\"objects\": [\"" + fixtures.objectKey() + "\"], \"dryRun\": true}");
            case HOLD -> "{\"id\": \"campaign-hold-" + (unique++) + "\", \"table\": \"" + fixtures.table()
                    + "\", \"partitionKeyPrefix\": \"o-\", \"reason\": \"campaign\"}";
            case APPLY -> "{\"consentTo\": [\"STREAM\"]}";
            case REPLAY -> "{\"maxBatches\": 1}";
            case NONE -> "";
        };
    }

    private Map<String, String> validQuery(Endpoint endpoint) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : endpoint.query()) {
            query.put(name, switch (name) {
                case "day" -> "2026-11-22";
                case "limit" -> "5";
                case "after" -> endpoint.path().contains("archives") ? fixtures.objectKey() : "a";
                case "key" -> endpoint.path().endsWith("object") ? fixtures.objectKey() : "{\"orderId\":{\"S\":\"o-1\"}}";
                case "from" -> "2026-11-01";
                case "to" -> "2026-11-30";
                case "maxItems" -> "10";
                default -> throw new IllegalStateException(name);
            });
        }
        return query;
    }

    /** The path with the fixtures' ids, or with {@code replacement} (already encoded) in place of the first one. */
    private String target(Endpoint endpoint, String replacement, Map<String, String> query) {
        String path = endpoint.path();
        if (replacement != null && path.contains("{")) {
            path = path.replaceFirst("\\{[a-z]+}", java.util.regex.Matcher.quoteReplacement(replacement));
        }
        path = path.replace("{id}", fixtures.policy()).replace("{table}", fixtures.table()).replace("{hold}", fixtures.hold())
                .replace("{job}", fixtures.job());
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            out.append(separator).append(parameter.getKey()).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return out.toString();
    }

    private Probe with(Probe probe, String target, Map<String, String> headers, byte[] body) {
        return new Probe(probe.attack(), probe.endpoint(), probe.method(), target, headers, body, probe.chunked());
    }

    private Probe withBody(Probe probe, String body) {
        Map<String, String> headers = new LinkedHashMap<>(probe.headers());
        headers.put("Content-Type", "application/json");
        return with(probe, probe.target(), headers, bytes(body));
    }

    private Probe withHeader(Probe probe, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(probe.headers());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return with(probe, probe.target(), headers, probe.body());
    }

    private String bodyOf(Probe probe) {
        return probe.body() == null ? validBody(oneOf(Body.POLICY, Body.RESTORE, Body.HOLD)) : new String(probe.body(), StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ attacks

    private Probe brokenJson(Endpoint endpoint, Probe probe) {
        String valid = bodyOf(probe);
        String broken = switch (random.nextInt(12)) {
            case 0 -> valid.substring(0, random.nextInt(valid.length()));
            case 1 -> valid.replaceFirst(",", ",,");
            case 2 -> valid.replace('"', '\'');
            case 3 -> valid.replaceFirst("\\{", "{ /* comment */ ");
            case 4 -> valid.replaceFirst("\\{", "{\"n\": NaN, ");
            case 5 -> valid + "}";
            case 6 -> valid + " {}";
            case 7 -> valid.replaceFirst(":", "");
            case 8 -> "\uFEFF" + valid;
            case 9 -> valid.replaceFirst("\"", "\"\n");
            case 10 -> valid.replaceFirst("\\{", "{\"x\": 012, ");
            default -> "{\"id\": \"unterminated";
        };
        if (random.nextInt(6) == 0) {
            byte[] bytes = bytes(valid);
            byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 1);
            System.arraycopy(bytes, 2, bad, 3, bytes.length - 2);
            bad[2] = (byte) (random.nextBoolean() ? 0xFF : 0xC3);
            Map<String, String> headers = new LinkedHashMap<>(probe.headers());
            headers.put("Content-Type", "application/json");
            return with(probe, probe.target(), headers, bad);
        }
        return withBody(probe, broken);
    }

    private Probe hugeBody(Endpoint endpoint, Probe probe) {
        int size = 65_537 + random.nextInt(random.nextBoolean() ? 10_000 : 1_000_000);
        String filler = "x".repeat(size);
        String body = switch (random.nextInt(3)) {
            case 0 -> "{\"id\": \"" + filler + "\"}";
            case 1 -> "[" + "1,".repeat(size / 2) + "1]";
            default -> bodyOf(probe).replaceFirst("\\{", "{\"pad\": \"" + java.util.regex.Matcher.quoteReplacement(filler) + "\", ");
        };
        Probe huge = withBody(probe, body);
        return random.nextInt(3) == 0 ? new Probe(huge.attack(), endpoint, huge.method(), huge.target(), huge.headers(), huge.body(), true)
                : huge;
    }

    /** Values of the wrong JSON type for each field the endpoint's body has. */
    private Probe wrongTypes(Endpoint endpoint, Probe probe) {
        String[] fields = switch (endpoint.body()) {
            case POLICY, NONE -> new String[] {"id", "table", "partitionKey", "sortKey", "ttlAttribute", "retention", "clockStart",
                "archivedCauses", "bucket", "prefix", "tiers", "archiveExpiryDays", "objectLock", "keyFilterPrefix", "locked"};
            case RESTORE -> new String[] {"objects", "keys", "from", "to", "deletedFrom", "deletedTo", "targetTable", "ttl", "dryRun"};
            case HOLD -> new String[] {"id", "table", "key", "partitionKeyPrefix", "reason"};
            case APPLY -> new String[] {"consentTo"};
            case REPLAY -> new String[] {"maxBatches"};
        };
        String field = oneOf(fields);
        String wrong = oneOf("42", "-1", "4.5", "1e400", "true", "false", "null", "[]", "[1, 2]", "[null]", "{}", "{\"a\": 1}",
                "\"text\"", "\"\"", "\"42\"", "99999999999999999999999", "[[[]]]", "[\"TTL\", 5]", "[{\"storageClass\": 5}]");
        String body = bodyOf(probe);
        String spoilt = body.contains("\"" + field + "\"")
                ? body.replaceFirst("\"" + field + "\"\\s*:\\s*(\"[^\"]*\"|\\[[^\\]]*\\]|\\{[^}]*\\}|[^,}]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + wrong))
                : body.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"" + field + "\": " + wrong + ", "));
        return withBody(probe, spoilt);
    }

    private Probe deeplyNested(Endpoint endpoint, Probe probe) {
        int depth = oneOf(100, 600, 999, 1_001, 1_500, 5_000, 30_000);
        boolean arrays = random.nextBoolean();
        String nested = arrays ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        String field = oneOf("id", "keys", "consentTo", "maxBatches", "key", "tiers", "x");
        return withBody(probe, bodyOf(probe).replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"" + field + "\": " + nested + ", ")));
    }

    private Probe oddFields(Endpoint endpoint, Probe probe) {
        String body = bodyOf(probe);
        String spoilt = switch (random.nextInt(10)) {
            case 0 -> "{}";
            case 1 -> "[]";
            case 2 -> "null";
            case 3 -> oneOf("42", "\"policy\"", "true", "[{}]");
            case 4 -> body.replaceFirst("\\{", "{\"unknownField\": 1, ");
            case 5 -> body.replaceFirst("\\{", "{\"id\": \"dup-1\", \"id\": \"dup-2\", ");
            case 6 -> body.replaceAll("\"[a-zA-Z]+\"\\s*:\\s*\"[^\"]*\"", "\"id\": null");
            case 7 -> body.replaceFirst("\\{", "{\"__proto__\": {\"admin\": true}, \"constructor\": {\"prototype\": {}}, ");
            case 8 -> "";
            default -> body.replaceFirst("\\{", "{\"@class\": \"java.lang.Runtime\", ");
        };
        return withBody(probe, spoilt);
    }

    private Probe injectionInBody(Endpoint endpoint, Probe probe) {
        String hostile = jsonString(oneOf(HOSTILE));
        String body = bodyOf(probe);
        java.util.regex.Matcher strings = java.util.regex.Pattern.compile(":\\s*\"([^\"]*)\"").matcher(body);
        List<int[]> spans = new ArrayList<>();
        while (strings.find()) {
            spans.add(new int[] {strings.start(1) - 1, strings.end(1) + 1});
        }
        if (spans.isEmpty()) {
            return withBody(probe, body.replaceFirst("\\{", java.util.regex.Matcher.quoteReplacement("{\"x\": " + hostile + ", ")));
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return withBody(probe, body.substring(0, span[0]) + hostile + body.substring(span[1]));
    }

    private Probe injectionInPath(Endpoint endpoint, Probe probe) {
        String segment = random.nextInt(4) == 0 ? oneOf("%ED%A0%80", "%FF", "%C0%AF", "%00", "%0d%0a", "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e", "%", "%zz", "%2F", ";jsessionid=1", "a;b=c") : encode(oneOf(HOSTILE));
        if (!endpoint.path().contains("{")) {
            return with(probe, probe.target().replaceFirst("(\\?|$)", java.util.regex.Matcher.quoteReplacement("/" + segment) + "$1"),
                    probe.headers(), probe.body());
        }
        return with(probe, target(endpoint, segment, validQuery(endpoint)), probe.headers(), probe.body());
    }

    private Probe injectionInQuery(Endpoint endpoint, Probe probe) {
        Map<String, String> query = validQuery(endpoint);
        List<String> names = new ArrayList<>(query.keySet());
        names.addAll(List.of("day", "key", "limit", "after", "maxItems", "from", "to"));
        String name = names.get(random.nextInt(names.size()));
        query.put(name, random.nextInt(3) == 0 ? oneOf("{\"orderId\": {\"S\": " + jsonString(oneOf(HOSTILE)) + "}}",
                "{\"orderId\": {\"N\": \"" + "9".repeat(50) + "\"}}", "{\"orderId\": {\"B\": \"!!\"}}", "[" .repeat(500),
                "2026-02-30", "2026-13-01", "+999999999-12-31", "-2026-11-22", "2026-11-22T00:00:00Z", "0", "101", "2147483648",
                "-2147483649", "1.5", "0x10") : oneOf(HOSTILE));
        String target = target(endpoint, null, query);
        if (random.nextInt(5) == 0) {
            target = target + (target.contains("?") ? "&" : "?") + name + "=" + encode(oneOf(HOSTILE));
        } else if (random.nextInt(8) == 0) {
            target = target + (target.contains("?") ? "&" : "?") + name + "=" + oneOf("%zz", "%", "%E9", "%ED%A0%80", "a%2");
        }
        return with(probe, target, probe.headers(), probe.body());
    }

    private Probe badToken(Endpoint endpoint, Probe probe) {
        String[] parts = admin.split("\\.");
        String value = switch (random.nextInt(20)) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> "Bearer";
            case 3 -> "Bearer ";
            case 4 -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case 5 -> "Bearer not.a.jwt";
            case 6 -> "Bearer " + Tokens.unsigned();
            case 7 -> "Bearer " + Tokens.expired();
            case 8 -> "Bearer " + Tokens.wrongIssuer();
            case 9 -> "Bearer " + Tokens.signedByAnotherKey();
            case 10 -> "Bearer " + admin.substring(0, admin.length() - 5);
            case 11 -> "Bearer " + parts[0] + "." + parts[1];
            case 12 -> "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"iss\":\"https://lifecycle.test\",\"groups\":[\"lifecycle-admin\"],\"upn\":\"mallory\"}"
                            .getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
            case 13 -> "Bearer " + Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes(StandardCharsets.UTF_8))
                    + "." + parts[1] + "." + parts[2];
            case 14 -> "Bearer " + "A".repeat(random.nextBoolean() ? 6_000 : 30_000);
            case 15 -> "bearer " + admin;
            case 16 -> "Bearer  " + admin + " trailing";
            case 17 -> "Bearer " + Tokens.noRoles();
            case 18 -> "Bearer " + Tokens.viewer();
            default -> "Bearer " + admin + "," + admin;
        };
        return withHeader(probe, "Authorization", value);
    }

    private Probe badIfMatch(Endpoint endpoint, Probe probe) {
        return withHeader(probe, "If-Match", random.nextInt(8) == 0 ? null : oneOf(BAD_IF_MATCH));
    }

    private Probe badContentType(Endpoint endpoint, Probe probe) {
        Probe withBody = probe.body() == null ? withBody(probe, validBody(Body.POLICY)) : probe;
        return withHeader(withBody, "Content-Type", random.nextInt(8) == 0 ? null : oneOf(BAD_CONTENT_TYPES));
    }

    private Probe badPrefer(Endpoint endpoint, Probe probe) {
        return withHeader(probe, "Prefer", oneOf(BAD_PREFER));
    }

    private Probe badAccept(Endpoint endpoint, Probe probe) {
        return withHeader(probe, "Accept", oneOf(BAD_ACCEPT));
    }

    private Probe wrongMethod(Endpoint endpoint, Probe probe) {
        List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
        for (Endpoint same : ENDPOINTS) {
            if (same.path().equals(endpoint.path())) {
                others.remove(same.method());
            }
        }
        String method = others.get(random.nextInt(others.size()));
        return new Probe(probe.attack(), endpoint, method, probe.target(), probe.headers(), probe.body(), false);
    }

    private Probe unknownPath(Endpoint endpoint, Probe probe) {
        String target = probe.target();
        String mangled = switch (random.nextInt(9)) {
            case 0 -> target.replace("/api/v1/", "/api/v2/");
            case 1 -> target.replaceFirst("(\\?|$)", "/extra/segments$1");
            case 2 -> target.replace("/api/v1/", "/api/v1//");
            case 3 -> target.replace("/api/v1/", "/api/v1/%2e%2e/");
            case 4 -> target.replace("/api/v1/", "/api/v1/./");
            case 5 -> target.replaceFirst("/api/v1/([a-z]+)", "/api/v1/$1" + "s");
            case 6 -> target.replace("/api/v1/", "/api/V1/");
            case 7 -> target.replaceFirst("(\\?|$)", "/" + "x".repeat(2_000) + "$1");
            default -> "/api/" + encode(oneOf(HOSTILE));
        };
        return with(probe, mangled, probe.headers(), probe.body());
    }

    /** Values at the edges of what Java's dates, durations and numbers hold, where arithmetic overflows. */
    private Probe extremeValues(Endpoint endpoint, Probe probe) {
        if (endpoint.body() == Body.NONE) {
            Map<String, String> query = validQuery(endpoint);
            List<String> names = new ArrayList<>(query.keySet());
            names.addAll(List.of("day", "from", "to", "limit", "maxItems"));
            String name = names.get(random.nextInt(names.size()));
            query.put(name, switch (name) {
                case "day", "from", "to" -> oneOf("+999999999-12-31", "-999999999-01-01", "+1000000000-01-01", "0000-01-01",
                        "9999-12-31", "1970-01-01");
                default -> oneOf("2147483647", "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808");
            });
            if (name.equals("from") || name.equals("to")) {
                query.put(name.equals("from") ? "to" : "from", oneOf("+999999999-12-31", "-999999999-01-01", "+999999999-12-30"));
            }
            return with(probe, target(endpoint, null, query), probe.headers(), probe.body());
        }
        String body = switch (endpoint.body()) {
            case POLICY -> bodyOf(probe).replaceFirst(oneOf("\"retention\": \"P30D\"", "\"archiveExpiryDays\": 400",
                    "\"afterDays\": 120", "\"prefix\": \"archives\""), java.util.regex.Matcher.quoteReplacement(oneOf(
                    "\"retention\": \"P106751991167300D\"", "\"retention\": \"PT9223372036854775807S\"",
                    "\"retention\": \"P2147483647D\"", "\"retention\": \"PT0.000000001S\"", "\"retention\": \"-P1D\"",
                    "\"retention\": \"P1Y\"", "\"retention\": \"P1000000000D\"", "\"archiveExpiryDays\": 2147483647",
                    "\"archiveExpiryDays\": 2147483648", "\"afterDays\": 2147483647", "\"afterDays\": -2147483648",
                    "\"archiveExpiryDays\": 400, \"objectLock\": {\"mode\": \"GOVERNANCE\", \"days\": 2147483647}",
                    "\"prefix\": " + jsonString("\uD800"), "\"prefix\": \"" + "p/".repeat(600) + "\"",
                    "\"archiveExpiryDays\": 400, \"keyFilterPrefix\": " + jsonString("\uDC00" + "k".repeat(3_000)))));
            case RESTORE -> oneOf(
                    "{\"deletedFrom\": \"+1000000000-12-30T00:00:00Z\", \"deletedTo\": \"+1000000000-12-31T23:59:59.999999999Z\"}",
                    "{\"deletedFrom\": \"-1000000000-01-01T00:00:00Z\", \"deletedTo\": \"-1000000000-01-02T00:00:00Z\"}",
                    "{\"deletedFrom\": \"+999999999-12-31T00:00:00Z\", \"deletedTo\": \"+1000000000-01-01T00:00:00Z\", \"dryRun\": true}",
                    "{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}], \"from\": \"+999999999-12-01\", \"to\": \"+999999999-12-31\"}",
                    "{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}], \"from\": \"-999999999-01-01\", \"to\": \"-999999999-01-02\"}",
                    "{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}], \"to\": \"-999999999-01-10\"}",
                    "{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-22T00:00:00Z\"}",
                    "{\"deletedFrom\": \"2026-11-23T00:00:00Z\", \"deletedTo\": \"2026-11-22T00:00:00Z\"}",
                    "{\"keys\": [" + "{\"orderId\": {\"S\": \"o\"}},".repeat(1_000) + "{\"orderId\": {\"S\": \"o\"}}]}",
                    "{\"keys\": [{\"orderId\": {\"S\": " + jsonString("\uD800") + "}}], \"dryRun\": true}",
                    "{\"keys\": [{\"orderId\": {\"N\": \"1E+125\"}}], \"dryRun\": true, \"ttl\": \"RESET_FROM_POLICY\"}",
                    "{\"objects\": [\"" + "o/".repeat(600) + "\"]}");
            case HOLD -> "{\"id\": \"campaign-hold-" + (unique++) + "\", \"table\": \"" + fixtures.table() + "\", " + oneOf(
                    "\"partitionKeyPrefix\": \"o-\", \"reason\": " + jsonString(oneOf("\uD800", "case \uDC00 17", "\uD83D")),
                    "\"partitionKeyPrefix\": " + jsonString("\uD800") + ", \"reason\": \"r\"",
                    "\"partitionKeyPrefix\": \"o-\", \"reason\": \"" + "r".repeat(60_000) + "\"",
                    "\"key\": {\"orderId\": {\"S\": " + jsonString("\uD800") + "}}, \"reason\": \"r\"",
                    "\"key\": {\"orderId\": {\"N\": \"1E+125\"}}, \"reason\": \"r\"",
                    "\"partitionKeyPrefix\": \"" + "p".repeat(5_000) + "\", \"reason\": \"r\"") + "}";
            case APPLY -> oneOf("{\"consentTo\": [" + "\"STREAM\",".repeat(2_000) + "\"STREAM\"]}", "{\"consentTo\": [null]}",
                    "{\"consentTo\": [" + jsonString("\uD800") + "]}");
            case REPLAY -> "{\"maxBatches\": " + oneOf("2147483647", "-2147483648", "0", "1000", "1001", "2147483648") + "}";
            case NONE -> "";
        };
        return withBody(probe, body);
    }

    // ------------------------------------------------------------------ text

    /** A JSON string literal; unpaired surrogates are written as escapes (JSON allows them, UTF-8 cannot hold them). */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes everything but unreserved characters; an unpaired surrogate becomes the bytes a lenient encoder would give. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                out.append(String.format("%%ED%%%02X%%%02X", 0xA0 | ((c >> 6) & 0x1F), 0x80 | (c & 0x3F)));
                continue;
            }
            int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
            out.append(URLEncoder.encode(text.substring(i, end), StandardCharsets.UTF_8).replace("+", "%20"));
            i = end - 1;
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
