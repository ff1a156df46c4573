package dev.lifecycle.lambda;

import dev.lifecycle.adapters.aws.json.DynamoDbJson;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyValue;
import dev.lifecycle.domain.testing.RandomValues;
import dev.lifecycle.domain.testing.TestRecords;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generator of Lambda DynamoDB stream events full of bad input, for the bad-stream-input
 * campaign. Every generated record carries its kind and the answer the processor owes it
 * (archived, skipped or reported); a batch given a flaw that makes it impossible to split into
 * records carries the name of that flaw instead, and its whole batch must fail.
 */
final class BadStreamEvents {

    /** What the processor must do with a record. */
    enum Answer { ARCHIVED, SKIPPED, REPORTED }

    /** Why an item went, as the generator decides it (the processor works it out from the record). */
    enum Cause { TTL, EXPIRED, USER }

    /**
     * The campaign's tables: {@code orders} (pk + sk) archives every cause, {@code sessions} (pk)
     * archives TTL expiries only, no policy governs {@code ghosts} (pk).
     */
    enum Table {
        ORDERS("orders", true), SESSIONS("sessions", false), GHOSTS("ghosts", false);

        final String tableName;
        final boolean sortKey;

        Table(String tableName, boolean sortKey) {
            this.tableName = tableName;
            this.sortKey = sortKey;
        }

        String arn() {
            return "arn:aws:dynamodb:eu-west-1:123456789012:table/" + tableName + "/stream/2026-11-01T00:00:00.000";
        }

        /** The answer a well-formed removal of this cause gets. */
        Answer removal(Cause cause) {
            return switch (this) {
                case ORDERS -> Answer.ARCHIVED;
                case SESSIONS -> cause == Cause.TTL ? Answer.ARCHIVED : Answer.SKIPPED;
                case GHOSTS -> Answer.REPORTED;
            };
        }

        /** The answer a well-formed record with nothing to archive gets: without a policy, every record fails. */
        Answer nothingToArchive() {
            return this == GHOSTS ? Answer.REPORTED : Answer.SKIPPED;
        }
    }

    /** One generated record: its kind, its sequence number as sent, and the answer it is owed. */
    record Generated(String kind, String sequenceNumber, Answer expected, Spec spec) {
    }

    /** One generated event: its bytes, its records in order, and the flaw that must fail it whole, if any. */
    record Batch(int index, byte[] event, List<Generated> records, Optional<String> wholeBatchFlaw) {
    }

    private static final long EVENT_SECONDS = TestRecords.EVENT_TIME.getEpochSecond();
    /** Private-use characters that stand for raw bytes no Java string can hold; {@link #bytes} swaps them in. */
    private static final String INVALID_UTF8 = "\uE124";
    private static final String BEYOND_UNICODE = "\uE123";
    private static final byte[] BEYOND_UNICODE_BYTES = {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80};
    private static final String TTL_IDENTITY = "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}";

    /** A record kind: its name in the summary, how often it is drawn, and how it is made. */
    private record Kind(String name, int weight, Function<Context, List<Generated>> make) {
    }

    /** A whole-batch flaw: its name, how often, and what it does to a batch about to be written. */
    private record Flaw(String name, int weight, Function<Draft, byte[]> apply) {
    }

    /** What a kind needs to make its records. */
    private record Context(Table table, int batch) {
    }

    /** A batch before it is written: its records, which a flaw may change. */
    private record Draft(List<Generated> records) {
    }

    private final Random random;
    private final RandomValues values;
    private final List<Kind> kinds = new ArrayList<>();
    private final List<Flaw> flaws = new ArrayList<>();
    private final int kindWeights;
    private final int flawWeights;
    private long sequence = 4_100_000_000_000_000_000L;

    BadStreamEvents(long seed) {
        this.random = new Random(seed);
        this.values = new RandomValues(seed ^ 0x5DEECE66DL);
        defineKinds();
        defineFlaws();
        this.kindWeights = kinds.stream().mapToInt(Kind::weight).sum();
        this.flawWeights = flaws.stream().mapToInt(Flaw::weight).sum();
    }

    /** The next batch: mostly of one table, as Lambda delivers; now and then mixed, empty or flawed. */
    Batch next(int index) {
        int draw = random.nextInt(100);
        Optional<Table> table = draw < 55 ? Optional.of(Table.ORDERS) : draw < 85 ? Optional.of(Table.SESSIONS)
                : draw < 95 ? Optional.of(Table.GHOSTS) : Optional.empty();
        int size = random.nextInt(50) == 0 ? 0 : random.nextInt(20) == 0 ? 40 + random.nextInt(160) : 1 + random.nextInt(25);
        List<Generated> records = new ArrayList<>();
        while (records.size() < size) {
            Table recordTable = table.orElseGet(() -> Table.values()[random.nextInt(Table.values().length)]);
            records.addAll(pick().make().apply(new Context(recordTable, index)));
        }
        if (random.nextInt(100) < 4) {
            Flaw flaw = pickFlaw();
            if (records.isEmpty()) {
                Spec spec = removal(Table.ORDERS, Cause.TTL);
                records.add(new Generated("valid-ttl-remove", spec.sequenceNumber, Answer.ARCHIVED, spec));
            }
            return new Batch(index, flaw.apply().apply(new Draft(records)), records, Optional.of(flaw.name()));
        }
        return new Batch(index, render(records, random.nextInt(10) == 0), records, Optional.empty());
    }

    private Kind pick() {
        int draw = random.nextInt(kindWeights);
        for (Kind kind : kinds) {
            draw -= kind.weight();
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights");
    }

    private Flaw pickFlaw() {
        int draw = random.nextInt(flawWeights);
        for (Flaw flaw : flaws) {
            draw -= flaw.weight();
            if (draw < 0) {
                return flaw;
            }
        }
        throw new IllegalStateException("weights");
    }

    // ------------------------------------------------------------------ record kinds

    private void kind(String name, int weight, Function<Context, List<Generated>> make) {
        kinds.add(new Kind(name, weight, make));
    }

    private void defineKinds() {
        kind("valid-ttl-remove", 12, c -> one("valid-ttl-remove", removal(c.table(), Cause.TTL), c.table().removal(Cause.TTL)));
        kind("valid-user-remove", 6, c -> one("valid-user-remove", removal(c.table(), Cause.USER), c.table().removal(Cause.USER)));
        kind("expired-user-remove", 3, c -> one("expired-user-remove", removal(c.table(), Cause.EXPIRED),
                c.table().removal(Cause.EXPIRED)));
        kind("insert", 4, c -> one("insert", insert(c.table()), c.table().nothingToArchive()));
        kind("modify", 4, c -> one("modify", modify(c.table()), c.table().nothingToArchive()));
        kind("missing-old-image", 4, this::missingOldImage);
        kind("keys-only-remove", 4, this::keysOnlyRemove);
        kind("view-type-contradicts-images", 1, this::viewTypeContradictsImages);
        kind("unknown-event-name", 3, this::unknownEventName);
        kind("missing-field", 3, this::missingField);
        kind("wrong-field-type", 4, this::wrongFieldType);
        kind("wrong-attribute-type", 5, this::wrongAttributeType);
        kind("duplicate-attribute-name", 1, this::duplicateAttributeName);
        kind("empty-attribute-name", 1, this::emptyAttributeName);
        kind("malformed-number", 3, this::malformedNumber);
        kind("edge-numbers", 2, this::edgeNumbers);
        kind("invalid-base64", 2, this::invalidBase64);
        kind("unpaired-surrogate", 2, this::unpairedSurrogate);
        kind("utf8-beyond-unicode", 1, this::utf8BeyondUnicode);
        kind("nested-within-32-levels", 2, c -> nested(c, "nested-within-32-levels", 2, 32));
        kind("nested-33-to-64-levels", 1, c -> nested(c, "nested-33-to-64-levels", 33, 64));
        kind("nested-beyond-64-levels", 1, c -> nested(c, "nested-beyond-64-levels", 65, 450));
        kind("oversized-item", 1, this::oversizedItem);
        kind("odd-keys", 5, this::oddKeys);
        kind("empty-key", 1, this::emptyKey);
        kind("key-schema-mismatch", 2, this::keySchemaMismatch);
        kind("odd-timestamps", 2, this::oddTimestamps);
        kind("timestamp-out-of-range", 1, this::timestampOutOfRange);
        kind("odd-sequence-numbers", 1, this::oddSequenceNumbers);
        kind("identity-variants", 2, this::identityVariants);
        kind("odd-ttl-values", 2, this::oddTtlValues);
        kind("unknown-extra-fields", 2, this::unknownExtraFields);
        kind("redelivered-record", 1, this::redeliveredRecord);
        kind("sequence-number-reused", 1, this::sequenceNumberReused);
    }

    private static List<Generated> one(String kind, Spec spec, Answer answer) {
        return List.of(new Generated(kind, spec.sequenceNumber, answer, spec));
    }

    private List<Generated> missingOldImage(Context c) {
        Spec spec = removal(c.table(), Cause.USER);
        if (random.nextBoolean()) {
            spec.stream.remove("OldImage");
        } else {
            spec.stream.put("OldImage", "null");
        }
        spec.stream.put("StreamViewType", quote(random.nextBoolean() ? "NEW_AND_OLD_IMAGES" : "OLD_IMAGE"));
        return one("missing-old-image", spec, c.table().nothingToArchive());
    }

    private List<Generated> keysOnlyRemove(Context c) {
        Spec spec = removal(c.table(), random.nextBoolean() ? Cause.TTL : Cause.USER);
        spec.stream.remove("OldImage");
        spec.stream.put("StreamViewType", quote(random.nextInt(3) == 0 ? "NEW_IMAGE" : "KEYS_ONLY"));
        return one("keys-only-remove", spec, c.table().nothingToArchive());
    }

    private List<Generated> viewTypeContradictsImages(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        spec.stream.put("StreamViewType", quote(random.nextBoolean() ? "KEYS_ONLY" : "NEW_IMAGE"));
        return one("view-type-contradicts-images", spec, Answer.REPORTED);
    }

    private List<Generated> unknownEventName(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        spec.fields.put("eventName", oneOf(quote("DELETE"), quote("remove"), quote("Remove"), quote(" REMOVE"),
                quote("REMOVE\u0000"), quote(""), quote("\uFF32\uFF25\uFF2D\uFF2F\uFF36\uFF25"), quote("TTL"), quote("EXPIRE"),
                quote("INSERT,REMOVE")));
        return one("unknown-event-name", spec, Answer.REPORTED);
    }

    private List<Generated> missingField(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        switch (random.nextInt(6)) {
            case 0 -> spec.fields.remove("eventID");
            case 1 -> spec.fields.remove("eventName");
            case 2 -> spec.fields.remove("eventSourceARN");
            case 3 -> spec.stream.remove("Keys");
            case 4 -> spec.stream.remove("ApproximateCreationDateTime");
            default -> spec.stream.remove("StreamViewType");
        }
        return one("missing-field", spec, Answer.REPORTED);
    }

    private List<Generated> wrongFieldType(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        switch (random.nextInt(9)) {
            case 0 -> spec.fields.put("eventID", oneOf("5", "null", quote(""), quote("   "), "{}", "[\"id\"]"));
            case 1 -> spec.fields.put("eventName", oneOf("42", "null", "{}", "[\"REMOVE\"]", "true"));
            case 2 -> spec.fields.put("eventSourceARN", oneOf("7", "null", quote(""),
                    quote("arn:aws:kinesis:eu-west-1:123456789012:stream/orders"),
                    quote("arn:aws:dynamodb:eu-west-1:123456789012:table/" + c.table().tableName),
                    quote("arn:aws:dynamodb:eu-west-1:12345:table/" + c.table().tableName + "/stream/x"),
                    quote("arn:aws:dynamodb:eu-west-1:123456789012:table/ab/stream/x"),
                    quote("arn:aws:dynamodb:eu-west-1:123456789012:table/or ders/stream/x")));
            case 3 -> spec.fields.put("userIdentity", oneOf(quote("Service"), "[]", "5", "{\"type\":\"Service\"}",
                    "{\"principalId\":\"dynamodb.amazonaws.com\"}", "{\"type\":5,\"principalId\":\"dynamodb.amazonaws.com\"}"));
            case 4 -> spec.stream.put("Keys", oneOf(quote("pk"), "[]", "5", "null", "true"));
            case 5 -> spec.stream.put("ApproximateCreationDateTime", oneOf(quote(String.valueOf(EVENT_SECONDS)), "true", "null",
                    "{}", "[1795342530]"));
            case 6 -> spec.stream.put("StreamViewType", oneOf("5", "null", quote(""), quote("new_and_old_images"), quote("ALL")));
            case 7 -> spec.stream.put("OldImage", oneOf(quote("x"), "[]", "5", "true", "[{\"pk\":{\"S\":\"a\"}}]"));
            default -> {
                Spec modify = modify(c.table());
                modify.stream.put("NewImage", oneOf(quote("x"), "[]", "5", "false"));
                return one("wrong-field-type", modify, Answer.REPORTED);
            }
        }
        return one("wrong-field-type", spec, Answer.REPORTED);
    }

    /** Typed values that break DynamoDB JSON's rules: every one makes its record undecodable. */
    private static final String[] WRONG_VALUES = {
        "{\"N\":129.9}", "{\"N\":true}", "{\"S\":5}", "{\"S\":null}", "{\"S\":[\"a\"]}", "{\"B\":5}", "{\"BOOL\":\"true\"}",
        "{\"BOOL\":1}", "{\"NULL\":false}", "{\"NULL\":\"true\"}", "{\"M\":[]}", "{\"M\":\"x\"}", "{\"L\":{}}", "{\"L\":\"x\"}",
        "{\"SS\":\"a\"}", "{\"SS\":[]}", "{\"SS\":[\"a\",\"a\"]}", "{\"SS\":[1]}", "{\"NS\":[\"1\",\"1.0\"]}", "{\"NS\":[\"x\"]}",
        "{\"NS\":[]}", "{\"BS\":[\"YQ==\",\"YQ\"]}", "{\"BS\":[\"!!\"]}", "{}", "{\"X\":\"1\"}", "{\"s\":\"lower\"}",
        "{\"S\":\"a\",\"N\":\"1\"}", "{\"S\":\"a\",\"S\":\"b\"}", "\"plain\"", "42", "null", "[]", "true",
        "{\"M\":{\"a\":\"plain\"}}", "{\"L\":[1]}", "{\"L\":[{\"S\":\"a\"},null]}", "{\"M\":{\"a\":{\"S\":\"x\"},\"a\":{\"S\":\"y\"}}}",
        "{\"M\":{\"a\":{\"Q\":\"x\"}}}", "{\"L\":[{\"L\":[{\"N\":\"1\"},{\"N\":1}]}]}"};

    private List<Generated> wrongAttributeType(Context c) {
        String wrong = oneOf(WRONG_VALUES);
        int where = random.nextInt(5);
        if (where == 0) {
            Spec modify = modify(c.table());
            modify.stream.put("NewImage", imageWith(modify.image, "bad", wrong));
            return one("wrong-attribute-type", modify, Answer.REPORTED);
        }
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        switch (where) {
            case 1 -> spec.stream.put("Keys", "{\"pk\":" + wrong + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}");
            case 2 -> spec.stream.put("OldImage", imageWith(image, "bad", "{\"M\":{\"inner\":{\"L\":[" + wrong + "]}}}"));
            default -> spec.stream.put("OldImage", imageWith(image, "bad", wrong));
        }
        return one("wrong-attribute-type", spec, Answer.REPORTED);
    }

    private List<Generated> duplicateAttributeName(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        String json = DynamoDbJson.writeAsString(image);
        if (random.nextBoolean()) {
            spec.stream.put("OldImage", json.substring(0, json.length() - 1) + ",\"expiresAt\":{\"N\":\"1\"}}");
        } else {
            String keys = spec.stream.get("Keys");
            spec.stream.put("Keys", keys.substring(0, keys.length() - 1) + ",\"pk\":{\"S\":\"again\"}}");
        }
        return one("duplicate-attribute-name", spec, Answer.REPORTED);
    }

    private List<Generated> emptyAttributeName(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        if (random.nextBoolean()) {
            spec.stream.put("OldImage", imageWith(spec.image, "", "{\"S\":\"nameless\"}"));
        } else {
            spec.stream.put("Keys", "{\"\":{\"S\":\"nameless\"}}");
        }
        return one("empty-attribute-name", spec, Answer.REPORTED);
    }

    /** Number texts DynamoDB refuses: not decimal, beyond 38 significant digits, beyond its range. */
    private String badNumber() {
        return switch (random.nextInt(5)) {
            case 0 -> oneOf("abc", "1.2.3", "", " 1", "1 ", "0x1F", "NaN", "Infinity", "-Infinity", "1e", "e5", "--1", "+-1",
                    "1,5", "\u0661\u0662\u0663", "\uFF11\uFF12\uFF13", "1_000", ".", "-", "1E99999999999", "1E+126", "-1E+126",
                    "1E-131", "9.99999999999999999999999999999999999999E+125", "1" + "0".repeat(126));
            case 1 -> digits(39 + random.nextInt(22));
            case 2 -> digits(20) + "." + digits(19 + random.nextInt(20));
            case 3 -> digits(100 + random.nextInt(2_900));
            // refused by its length before it is parsed, which would take quadratic time
            default -> "1" + "0".repeat(10_000 + random.nextInt(190_000));
        };
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        out.append(1 + random.nextInt(9));
        while (out.length() < count) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }

    private List<Generated> malformedNumber(Context c) {
        String bad = quote(badNumber());
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        switch (random.nextInt(4)) {
            case 0 -> spec.stream.put("OldImage", imageWith(image, "total", "{\"N\":" + bad + "}"));
            case 1 -> spec.stream.put("OldImage", imageWith(image, "amounts", "{\"NS\":[\"1\"," + bad + "]}"));
            case 2 -> spec.stream.put("OldImage", imageWith(image, "lines", "{\"L\":[{\"M\":{\"price\":{\"N\":" + bad + "}}}]}"));
            default -> spec.stream.put("Keys", "{\"pk\":{\"N\":" + bad + "}" + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}");
        }
        return one("malformed-number", spec, Answer.REPORTED);
    }

    private List<Generated> edgeNumbers(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        String edge = oneOf("12345678901234567890123456789012345678", "-12345678901234567890123456789012345678", "0", "-0",
                "0.0", "9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125", "1E-130",
                "-1E-130", "0." + "0".repeat(129) + "1", "1" + "0".repeat(125), "1.50000000000", "+5", ".5", "5.", "1e3",
                "0.000000000000000000000000000000000000000000000001");
        spec.stream.put("OldImage", imageWith(spec.image, "edge", "{\"N\":" + quote(edge) + "}"));
        return one("edge-numbers", spec, c.table().removal(Cause.TTL));
    }

    private List<Generated> invalidBase64(Context c) {
        String bad = quote(oneOf("!!!!", "a", "ab=c", "-_-_", "YQ== ", "YQ==\n", "Y Q==", "YQ===", "=", "YQ=A", "====",
                "YQ==x", "Y\u00e9Q="));
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        switch (random.nextInt(3)) {
            case 0 -> spec.stream.put("OldImage", imageWith(image, "blob", "{\"B\":" + bad + "}"));
            case 1 -> spec.stream.put("OldImage", imageWith(image, "blobs", "{\"BS\":[\"YWJj\"," + bad + "]}"));
            default -> spec.stream.put("Keys", "{\"pk\":{\"B\":" + bad + "}" + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}");
        }
        return one("invalid-base64", spec, Answer.REPORTED);
    }

    private List<Generated> unpairedSurrogate(Context c) {
        String lone = oneOf("\ud800", "\udc00", "a\ud83d", "\ude00b", "x\udbff\u0041");
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        switch (random.nextInt(5)) {
            case 0 -> spec.stream.put("OldImage", imageWith(image, "note", "{\"S\":" + quote(lone) + "}"));
            case 1 -> spec.stream.put("OldImage", imageWith(image, "lone", "{\"M\":{\"x\":{\"S\":" + quote(lone) + "}}}"));
            case 2 -> spec.stream.put("OldImage", imageWith(image, "tags", "{\"SS\":[\"ok\"," + quote(lone) + "]}"));
            case 3 -> spec.stream.put("Keys", "{\"pk\":{\"S\":" + quote(lone) + "}" + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}");
            default -> spec.fields.put("eventID", quote("event-" + lone));
        }
        return one("unpaired-surrogate", spec, Answer.REPORTED);
    }

    /**
     * F4 90 80 80 would be a code point above U+10FFFF: Jackson reads it as two lone low surrogates,
     * which the decoder refuses like any other unpaired surrogate.
     */
    private List<Generated> utf8BeyondUnicode(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        if (random.nextBoolean()) {
            spec.fields.put("eventID", quote("event-" + BEYOND_UNICODE + "-id"));
        } else {
            spec.stream.put("OldImage", imageWith(spec.image, "note", "{\"S\":" + quote("x" + BEYOND_UNICODE) + "}"));
        }
        return one("utf8-beyond-unicode", spec, Answer.REPORTED);
    }

    /** An attribute nested {@code from} to {@code to} levels deep (a top-level value is level 1), in maps and lists. */
    private List<Generated> nested(Context c, String kind, int from, int to) {
        int depth = from + random.nextInt(to - from + 1);
        Spec spec = removal(c.table(), Cause.TTL);
        spec.stream.put("OldImage", imageWith(spec.image, "deep", nestedValue(depth)));
        return one(kind, spec, depth <= 64 ? c.table().removal(Cause.TTL) : Answer.REPORTED);
    }

    private String nestedValue(int depth) {
        StringBuilder open = new StringBuilder();
        List<String> closers = new ArrayList<>();
        for (int level = 1; level < depth; level++) {
            boolean map = random.nextBoolean();
            open.append(map ? "{\"M\":{\"d\":" : "{\"L\":[");
            closers.add(map ? "}}" : "]}");
        }
        StringBuilder out = open.append("{\"S\":\"bottom\"}");
        for (int level = closers.size() - 1; level >= 0; level--) {
            out.append(closers.get(level));
        }
        return out.toString();
    }

    private List<Generated> oversizedItem(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        Item image = spec.image;
        Map<String, String> big = new LinkedHashMap<>();
        switch (random.nextInt(3)) {
            case 0 -> big.put("blob", "{\"S\":" + quote("x".repeat(100_000 + random.nextInt(500_000))) + "}");
            case 1 -> big.put("text", "{\"S\":" + quote("\u00e9\u65e5\ud83d\ude00".repeat(10_000 + random.nextInt(40_000))) + "}");
            default -> {
                for (int i = 0; i < 500 + random.nextInt(2_500); i++) {
                    big.put("attribute-" + i, "{\"N\":\"" + i + "\"}");
                }
            }
        }
        spec.stream.put("OldImage", imageWith(image, big));
        return one("oversized-item", spec, c.table().removal(Cause.TTL));
    }

    /** Key values that are legal but awkward: unicode, separators, escapes, controls, and long ones. */
    private KeyValue oddKeyValue() {
        return switch (random.nextInt(9)) {
            case 0 -> AttributeValue.s(oneOf("\ud83d\ude00\ud83d\udc4d\ud83c\udffd", "\u65e5\u672c\u8a9e", "e\u0301", "\u202eevil",
                    "zero\u200bwidth", "\u05e9\u05dc\u05d5\u05dd"));
            case 1 -> AttributeValue.s(oneOf("a/b", "/", "//", "../../etc/passwd", "a/../b", "..", ".", "~", "%2F", "%", "%%41",
                    "a\\b", "?x=1&y=2", "#", "customer#42", "a b", "+", "*"));
            case 2 -> AttributeValue.s(oneOf("\u0000", "line\nbreak", "tab\t", "\u0001\u001f", "\u007f", "\r\n", "\"quoted\""));
            case 3 -> AttributeValue.s("k".repeat(200 + random.nextInt(1_900)));
            case 4 -> AttributeValue.s("\u00e9".repeat(100 + random.nextInt(924)));
            case 5 -> AttributeValue.n(oneOf("-0", "0", "1E+125", "-1E-130", "0.0000001", "12345678901234567890123456789012345678",
                    "1.10", "1.1"));
            case 6 -> {
                Bytes bytes = values.bytes(1_024);
                yield new AttributeValue.B(bytes.isEmpty() ? Bytes.of((byte) 0) : bytes);
            }
            case 7 -> AttributeValue.s("H-" + values.nonEmptyString(30));
            default -> values.keyValue();
        };
    }

    private List<Generated> oddKeys(Context c) {
        ItemKey key = c.table().sortKey ? ItemKey.of("pk", oddKeyValue(), "sk", oddKeyValue()) : ItemKey.of("pk", oddKeyValue());
        Item image = withTtl(values.item(key), Cause.TTL);
        Spec spec = removal(c.table(), Cause.TTL, image);
        return one("odd-keys", spec, c.table().removal(Cause.TTL));
    }

    private List<Generated> emptyKey(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        String empty = random.nextBoolean() ? "{\"S\":\"\"}" : "{\"B\":\"\"}";
        if (c.table().sortKey && random.nextBoolean()) {
            spec.stream.put("Keys", "{\"pk\":{\"S\":\"p\"},\"sk\":" + empty + "}");
        } else {
            spec.stream.put("Keys", "{\"pk\":" + empty + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}");
        }
        return one("empty-key", spec, Answer.REPORTED);
    }

    private List<Generated> keySchemaMismatch(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        String keys = switch (random.nextInt(6)) {
            case 0 -> "{}";
            case 1 -> c.table().sortKey ? "{\"pk\":{\"S\":\"p\"}}" : "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"}}";
            case 2 -> "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"},\"extra\":{\"S\":\"x\"}}";
            case 3 -> c.table().sortKey ? "{\"id\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"}}" : "{\"id\":{\"S\":\"p\"}}";
            case 4 -> "{\"pk\":{\"BOOL\":true}" + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}";
            default -> "{\"pk\":" + oneOf("{\"M\":{}}", "{\"SS\":[\"a\"]}", "{\"NULL\":true}", "{\"L\":[]}")
                    + (c.table().sortKey ? ",\"sk\":{\"S\":\"s\"}" : "") + "}";
        };
        spec.stream.put("Keys", keys);
        return one("key-schema-mismatch", spec, Answer.REPORTED);
    }

    private List<Generated> oddTimestamps(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        spec.stream.put("ApproximateCreationDateTime", oneOf("0", "-1", "1795342530.123456789", "1795342530.999999999999",
                "1.79534253E9", "1.795342530123E9", "17953425300E-1", "253402300799", "1E+10", "-62135596800", "1795342530.0",
                "32503680000", "0." + "0".repeat(990) + "1"));
        return one("odd-timestamps", spec, c.table().removal(Cause.TTL));
    }

    private List<Generated> timestampOutOfRange(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        spec.stream.put("ApproximateCreationDateTime", oneOf("1E+20", "-1E+20", "1E+300", "31556889864403200",
                "-31557014167219201", "12345678901234567890123", "1E-2000",
                "31556889832780800", "31556889864403199"));
        return one("timestamp-out-of-range", spec, Answer.REPORTED);
    }

    private List<Generated> oddSequenceNumbers(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        long number = sequence++;
        String odd = random.nextBoolean() ? "000" + number : "9" + String.format("%039d", number);
        spec.sequenceNumber = odd;
        spec.stream.put("SequenceNumber", quote(odd));
        return one("odd-sequence-numbers", spec, c.table().removal(Cause.TTL));
    }

    private List<Generated> identityVariants(Context c) {
        String[] ttl = {TTL_IDENTITY, "{\"type\":\"service\",\"principalId\":\"dynamodb.amazonaws.com\"}",
            "{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"}",
            "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\",\"extra\":{\"a\":[1,2,{\"b\":null}]}}"};
        String[] other = {"{\"type\":\"Service\",\"principalId\":\"DYNAMODB.amazonaws.com\"}", "null",
            "{\"type\":\"User\",\"principalId\":\"AIDAEXAMPLE\"}", "{\"type\":\"Service\",\"principalId\":\"lambda.amazonaws.com\"}",
            "{\"type\":\"\",\"principalId\":\"\"}"};
        boolean isTtl = random.nextBoolean();
        Spec spec = removal(c.table(), isTtl ? Cause.TTL : Cause.USER);
        spec.fields.put("userIdentity", isTtl ? oneOf(ttl) : oneOf(other));
        return one("identity-variants", spec, c.table().removal(isTtl ? Cause.TTL : Cause.USER));
    }

    private List<Generated> oddTtlValues(Context c) {
        Spec spec = removal(c.table(), Cause.USER);
        String ttl = oneOf("{\"S\":\"1795342470\"}", "{\"N\":\"1E+125\"}", "{\"N\":\"-5\"}", "{\"N\":\"1.5\"}", "{\"N\":\"0\"}",
                "{\"N\":\"1795342470000\"}", "{\"N\":\"1795342470000000\"}", "{\"N\":\"99999999999999999999999999999999999999\"}",
                "{\"B\":\"AAAA\"}", "{\"NULL\":true}", "{\"BOOL\":true}", "{\"M\":{\"at\":{\"N\":\"1\"}}}", "{\"L\":[]}",
                "{\"NS\":[\"1\",\"2\"]}", "{\"N\":\"1E-130\"}", "{\"N\":\"-9.9999999999999999999999999999999999999E+125\"}");
        spec.stream.put("OldImage", imageWith(spec.image, "expiresAt", ttl));
        // Whatever the TTL says, a removal without DynamoDB's identity is EXPIRED or USER: never TTL.
        return one("odd-ttl-values", spec, c.table().removal(Cause.USER));
    }

    private List<Generated> unknownExtraFields(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        spec.fields.put("eventVersion", oneOf(quote("9.9"), "1.1", "null", "{}"));
        spec.fields.put("extra", "{\"a\":[1,2.5e10,\"x\",null,true,{\"b\":{\"c\":[[[]]]}}],\"n\":" + digits(900) + "}");
        spec.stream.put("SizeBytes", oneOf("-1", "1e308", quote("big"), "null", digits(999)));
        spec.stream.put("OldImage2", "{\"pk\":{\"Q\":1}}");
        spec.stream.put("Extra", "[{\"M\":5}]");
        return one("unknown-extra-fields", spec, c.table().removal(Cause.TTL));
    }

    private List<Generated> redeliveredRecord(Context c) {
        Spec spec = removal(c.table(), Cause.TTL);
        Answer answer = c.table().removal(Cause.TTL);
        return List.of(new Generated("redelivered-record", spec.sequenceNumber, answer, spec),
                new Generated("redelivered-record", spec.sequenceNumber, answer, spec));
    }

    /** Two different records under one sequence number, one of them undecodable: the number must be reported. */
    private List<Generated> sequenceNumberReused(Context c) {
        Spec good = removal(c.table(), Cause.TTL);
        Spec bad = removal(c.table(), Cause.TTL);
        bad.fields.put("eventName", quote("DELETE"));
        String reused = random.nextBoolean() ? good.sequenceNumber : "00" + good.sequenceNumber;
        bad.sequenceNumber = reused;
        bad.stream.put("SequenceNumber", quote(reused));
        List<Generated> pair = new ArrayList<>(List.of(new Generated("sequence-number-reused", good.sequenceNumber, Answer.REPORTED, good),
                new Generated("sequence-number-reused", reused, Answer.REPORTED, bad)));
        if (random.nextBoolean()) {
            Collections.reverse(pair);
        }
        return pair;
    }

    // ------------------------------------------------------------------ whole-batch flaws

    private void flaw(String name, int weight, Function<Draft, byte[]> apply) {
        flaws.add(new Flaw(name, weight, apply));
    }

    private void defineFlaws() {
        flaw("missing-sequence-number", 3, d -> withRecord(d, spec -> spec.stream.remove("SequenceNumber")));
        flaw("sequence-number-not-digits", 3, d -> withRecord(d, spec -> spec.stream.put("SequenceNumber",
                quote(oneOf("", "abc", "12a", "-1", "1.0", " 1", "\uFF11\uFF12\uFF13", "1".repeat(41), "0x10", "1e5")))));
        flaw("sequence-number-wrong-type", 2, d -> withRecord(d, spec -> spec.stream.put("SequenceNumber",
                oneOf("123", "null", "{}", "[\"123\"]", "true"))));
        flaw("record-without-dynamodb", 2, d -> withRecord(d, spec -> spec.rawStream = ""));
        flaw("dynamodb-not-an-object", 2, d -> withRecord(d, spec -> spec.rawStream = oneOf("[]", "\"x\"", "null", "5")));
        flaw("record-not-an-object", 2, d -> {
            String records = recordsJson(d.records());
            String intruder = oneOf("null", "42", "\"record\"", "[]", "true");
            return bytes("{\"Records\":[" + intruder + (records.isEmpty() ? "" : "," + records) + "]}");
        });
        flaw("truncated-json", 3, d -> {
            byte[] whole = render(d.records(), false);
            return java.util.Arrays.copyOf(whole, random.nextInt(whole.length - 1));
        });
        flaw("trailing-content", 1, d -> bytes(new String(render(d.records(), false), StandardCharsets.UTF_8)
                + oneOf(" {}", "x", "]", ",", " {\"Records\":[]}")));
        flaw("invalid-utf8", 2, d -> invalidUtf8(d));
        flaw("records-not-an-array", 1, d -> bytes("{\"Records\":" + oneOf("{}", "\"x\"", "null", "5", "{\"0\":{}}") + "}"));
        flaw("no-records-array", 1, d -> bytes(oneOf("{}", "{\"records\":[" + recordsJson(d.records()) + "]}",
                "{\"Items\":[]}")));
        flaw("not-an-object", 1, d -> bytes(oneOf("[]", "\"x\"", "", "   ", "null", "[" + recordsJson(d.records()) + "]")));
        flaw("invalid-json-syntax", 2, d -> bytes(invalidSyntax(new String(render(d.records(), false), StandardCharsets.UTF_8))));
        flaw("number-beyond-parser-limit", 1, d -> withRecord(d, spec -> spec.stream.put("SizeBytes", digits(1_001 + random.nextInt(2_000)))));
        flaw("nesting-beyond-parser-limit", 1, d -> withRecord(d, spec -> spec.stream.put("OldImage",
                "{\"deep\":" + nestedValue(520 + random.nextInt(1_000)) + "}")));
        flaw("name-beyond-parser-limit", 1, d -> withRecord(d, spec -> spec.stream.put("OldImage",
                "{" + quote("n".repeat(65_537 + random.nextInt(1_000))) + ":{\"S\":\"long name\"}}")));
        // Jackson refuses an escaped unpaired surrogate in a field name as malformed JSON (in a value, the decoder reports the record)
        flaw("unpaired-surrogate-in-name", 1, d -> withRecord(d, spec -> spec.stream.put("OldImage",
                imageWith(spec.image, oneOf("\ud800", "\udc00", "a\ud83d", "\ude00b"), "{\"S\":\"named oddly\"}"))));
        flaw("two-records-arrays", 2, d -> {
            int half = d.records().size() / 2;
            return bytes("{\"Records\":[" + recordsJson(d.records().subList(0, half)) + "],\"Records\":["
                    + recordsJson(d.records().subList(half, d.records().size())) + "]}");
        });
    }

    /** Applies a change to one record of the batch (or to a new one, for an empty batch) and writes the batch. */
    private byte[] withRecord(Draft draft, java.util.function.Consumer<Spec> change) {
        List<Generated> records = new ArrayList<>(draft.records());
        int victim = random.nextInt(records.size());
        Spec copy = records.get(victim).spec().copy();
        change.accept(copy);
        records.set(victim, new Generated(records.get(victim).kind(), records.get(victim).sequenceNumber(), records.get(victim).expected(),
                copy));
        return render(records, false);
    }

    private byte[] invalidUtf8(Draft draft) {
        byte[] written = withRecord(draft, spec -> spec.fields.put("eventID", quote("event-" + INVALID_UTF8 + "-id")));
        byte[] bad = oneOf(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, (byte) 0x28}, new byte[] {(byte) 0xE2, (byte) 0x82},
                new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0x80});
        return replace(written, INVALID_UTF8.getBytes(StandardCharsets.UTF_8), bad);
    }

    private String invalidSyntax(String json) {
        return switch (random.nextInt(7)) {
            case 0 -> json.replaceFirst(",", ",,");
            case 1 -> json.replace("\"Records\"", "'Records'");
            case 2 -> json.replaceFirst("\\{", "{ /* comment */ ");
            case 3 -> json.replace("\"Records\"", "Records");
            case 4 -> json.replaceFirst("\\[", "[NaN,");
            case 5 -> json.replaceFirst("\\{", "{\"SizeBytes\": 012,");
            default -> json.replaceFirst("\\{", "{\"raw\": \"line\nbreak\",");
        };
    }

    // ------------------------------------------------------------------ building records

    /** The fields of one record, each value as raw JSON text, so that any of them can be replaced by something bad. */
    static final class Spec {
        final Map<String, String> fields = new LinkedHashMap<>();
        final Map<String, String> stream = new LinkedHashMap<>();
        String rawStream;
        String sequenceNumber;
        boolean shuffled;
        /** The item the keys and images were made from; a bad value put in an image goes beside its key attributes. */
        Item image;

        Spec copy() {
            Spec copy = new Spec();
            copy.image = image;
            copy.fields.putAll(fields);
            copy.stream.putAll(stream);
            copy.rawStream = rawStream;
            copy.sequenceNumber = sequenceNumber;
            copy.shuffled = shuffled;
            return copy;
        }

        String render() {
            Map<String, String> top = new LinkedHashMap<>(fields);
            if (rawStream == null) {
                top.put("dynamodb", object(stream));
            } else if (!rawStream.isEmpty()) {
                top.put("dynamodb", rawStream);
            }
            if (shuffled) {
                // Lambda's field order is not a contract: the decoder reads fields in any order
                List<String> names = new ArrayList<>(top.keySet());
                Collections.reverse(names);
                Map<String, String> reversed = new LinkedHashMap<>();
                names.forEach(name -> reversed.put(name, top.get(name)));
                return object(reversed);
            }
            return object(top);
        }
    }

    private Spec base(Table table, String eventName) {
        Spec spec = new Spec();
        long number = sequence++;
        spec.sequenceNumber = String.valueOf(number);
        spec.shuffled = random.nextInt(5) == 0;
        spec.fields.put("eventID", quote(String.format("%032x", number)));
        spec.fields.put("eventName", quote(eventName));
        spec.fields.put("eventVersion", quote("1.1"));
        spec.fields.put("eventSource", quote("aws:dynamodb"));
        spec.fields.put("awsRegion", quote("eu-west-1"));
        spec.fields.put("eventSourceARN", quote(table.arn()));
        spec.stream.put("ApproximateCreationDateTime", eventTime());
        spec.stream.put("SequenceNumber", quote(spec.sequenceNumber));
        spec.stream.put("SizeBytes", String.valueOf(50 + random.nextInt(4_000)));
        spec.stream.put("StreamViewType", quote("NEW_AND_OLD_IMAGES"));
        return spec;
    }

    /** Within an hour of the campaign's event time, written as Lambda may: whole, with a fraction, or with an exponent. */
    private String eventTime() {
        long seconds = EVENT_SECONDS - 3_600 + random.nextInt(7_200);
        return switch (random.nextInt(6)) {
            case 0 -> seconds + "." + String.format("%03d", random.nextInt(1_000));
            case 1 -> new java.math.BigDecimal(seconds).movePointLeft(9).toPlainString() + "E9";
            default -> String.valueOf(seconds);
        };
    }

    private Spec removal(Table table, Cause cause) {
        return removal(table, cause, randomImage(table, cause));
    }

    private Spec removal(Table table, Cause cause, Item image) {
        Spec spec = base(table, "REMOVE");
        if (cause == Cause.TTL) {
            spec.fields.put("userIdentity", TTL_IDENTITY);
        }
        spec.image = image;
        spec.stream.put("Keys", keysOf(table, image));
        spec.stream.put("OldImage", DynamoDbJson.writeAsString(image));
        return spec;
    }

    private Spec insert(Table table) {
        Spec spec = base(table, "INSERT");
        Item image = randomImage(table, Cause.USER);
        spec.image = image;
        spec.stream.put("Keys", keysOf(table, image));
        spec.stream.put("NewImage", DynamoDbJson.writeAsString(image));
        return spec;
    }

    private Spec modify(Table table) {
        Spec spec = base(table, "MODIFY");
        Item image = randomImage(table, Cause.USER);
        spec.image = image;
        spec.stream.put("Keys", keysOf(table, image));
        spec.stream.put("OldImage", DynamoDbJson.writeAsString(image));
        spec.stream.put("NewImage", DynamoDbJson.writeAsString(image.with("total", AttributeValue.n(random.nextInt(1_000)))));
        return spec;
    }

    private Item randomImage(Table table, Cause cause) {
        ItemKey key = table.sortKey ? ItemKey.of("pk", values.keyValue(), "sk", values.keyValue()) : ItemKey.of("pk", values.keyValue());
        return withTtl(values.item(key), cause);
    }

    /** A TTL that had passed for TTL and EXPIRED removals (hours before the record's time), and lies ahead for USER ones. */
    private Item withTtl(Item item, Cause cause) {
        long ttl = cause == Cause.USER ? EVENT_SECONDS + 7_200 + random.nextInt(1_000_000) : EVENT_SECONDS - 7_200 - random.nextInt(1_000_000);
        return item.with("expiresAt", AttributeValue.n(ttl));
    }

    private static String keysOf(Table table, Item image) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("pk", image.get("pk").orElseThrow());
        if (table.sortKey) {
            keys.put("sk", image.get("sk").orElseThrow());
        }
        return DynamoDbJson.writeAsString(new Item(keys));
    }

    /** The image's JSON with one more attribute (or one replaced), its value given as raw JSON. */
    private static String imageWith(Item image, String name, String rawValue) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(name, rawValue);
        return imageWith(image, extra);
    }

    private static String imageWith(Item image, Map<String, String> rawValues) {
        Map<String, String> attributes = new LinkedHashMap<>();
        image.attributes().forEach((name, value) -> attributes.put(name, DynamoDbJson.writeAsString(value)));
        attributes.putAll(rawValues);
        return object(attributes);
    }

    // ------------------------------------------------------------------ writing JSON

    private byte[] render(List<Generated> records, boolean extraTopLevelFields) {
        String extra = extraTopLevelFields ? ",\"invocationId\":\"x\",\"meta\":{\"a\":[1,{}]}" : "";
        return bytes("{\"Records\":[" + recordsJson(records) + "]" + extra + "}");
    }

    private static String recordsJson(List<Generated> records) {
        StringBuilder out = new StringBuilder();
        for (Generated record : records) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(record.spec().render());
        }
        return out.toString();
    }

    private static String object(Map<String, String> members) {
        StringBuilder out = new StringBuilder("{");
        members.forEach((name, raw) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(raw);
        });
        return out.append('}').toString();
    }

    /** A JSON string; unpaired surrogates are written as escapes, since they have no UTF-8 form. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c) && !paired && !(Character.isLowSurrogate(c) && i > 0
                    && Character.isHighSurrogate(text.charAt(i - 1)))) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static byte[] bytes(String json) {
        return replace(json.getBytes(StandardCharsets.UTF_8), BEYOND_UNICODE.getBytes(StandardCharsets.UTF_8), BEYOND_UNICODE_BYTES);
    }

    private static byte[] replace(byte[] data, byte[] target, byte[] replacement) {
        int at = indexOf(data, target, 0);
        if (at < 0) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + replacement.length);
        int from = 0;
        while (at >= 0) {
            out.write(data, from, at - from);
            out.write(replacement, 0, replacement.length);
            from = at + target.length;
            at = indexOf(data, target, from);
        }
        out.write(data, from, data.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] target, int from) {
        for (int i = from; i + target.length <= data.length; i++) {
            if (data[i] == target[0] && java.util.Arrays.equals(data, i, i + target.length, target, 0, target.length)) {
                return i;
            }
        }
        return -1;
    }

    @SafeVarargs
    private <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
