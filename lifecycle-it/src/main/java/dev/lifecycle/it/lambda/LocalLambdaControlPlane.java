package dev.lifecycle.it.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Lambda's event source mapping API on loopback, for the local platform and the end-to-end tests:
 * create, get, list (by stream, by function, paged with a marker), update and delete, with AWS's JSON
 * shapes and errors ({@code X-Amzn-ErrorType} ResourceNotFoundException, ResourceConflictException,
 * InvalidParameterValueException). Each enabled mapping runs an {@link EventSourceMapping} against the
 * function registered under its ARN.
 *
 * <p>Where it differs from Lambda: a mapping's checkpoint is not kept across a disable, an update or a
 * restart of this process, so it reads its stream again from TRIM_HORIZON (the archive's writes are
 * idempotent, so this re-delivers, never loses); filters other than none or {@code {"eventName":["REMOVE"]}}
 * are refused; states move at once (Creating and Updating are only in the answers to create and update).
 */
public final class LocalLambdaControlPlane implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalLambdaControlPlane.class.getName());
    private static final JsonFactory JSON = new JsonFactory();
    private static final String PATH = "/2015-03-31/event-source-mappings";
    private static final String REMOVE_ONLY = "{\"eventName\":[\"REMOVE\"]}";
    private static final int PAGE = 100;

    private final HttpServer server;
    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String region;
    private final Function<String, String> queueUrlOfArn;
    private final Duration pollInterval;
    private final Map<String, FunctionInvoker> functions = new ConcurrentHashMap<>();
    private final Map<String, Mapping> mappings = new LinkedHashMap<>();

    private LocalLambdaControlPlane(HttpServer server, DynamoDbStreamsClient streams, SqsClient sqs, String region,
                                    Function<String, String> queueUrlOfArn, Duration pollInterval) {
        this.server = server;
        this.streams = streams;
        this.sqs = sqs;
        this.region = region;
        this.queueUrlOfArn = queueUrlOfArn;
        this.pollInterval = pollInterval;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port). */
    public static LocalLambdaControlPlane start(int port, DynamoDbStreamsClient streams, SqsClient sqs, String region,
                                                Function<String, String> queueUrlOfArn, Duration pollInterval) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            LocalLambdaControlPlane plane = new LocalLambdaControlPlane(server, streams, sqs, region, queueUrlOfArn, pollInterval);
            server.createContext(PATH, plane::handle);
            server.setExecutor(Executors.newFixedThreadPool(4, LambdaRuntimeApi.daemon("lambda-control-plane")));
            server.start();
            return plane;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local Lambda control plane on port " + port, e);
        }
    }

    /** The endpoint to give the SDK or the AWS CLI ({@code --endpoint-url}). */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes a function invocable under its ARN and every qualifier of it (alias, version, none). */
    public void register(String functionArn, FunctionInvoker invoker) {
        functions.put(unqualified(functionArn), invoker);
    }

    /** The mappings as Lambda would list them, oldest first: id to (stream, function, state). */
    public synchronized List<String> describe() {
        return mappings.values().stream()
                .map(m -> m.id + " " + (m.enabled ? "Enabled" : "Disabled") + " " + m.streamArn + " -> " + m.functionArn).toList();
    }

    /** The running mapping of a mapping id, for tests that wait until it is idle. */
    public synchronized Optional<EventSourceMapping> running(String id) {
        return Optional.ofNullable(mappings.get(id)).map(m -> m.running);
    }

    /** Every running mapping, for tests that wait until all are idle. */
    public synchronized List<EventSourceMapping> runningMappings() {
        return mappings.values().stream().map(m -> m.running).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public synchronized void close() {
        server.stop(0);
        mappings.values().forEach(Mapping::stop);
        mappings.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rest = exchange.getRequestURI().getPath().substring(PATH.length());
            String id = rest.replaceAll("^/+|/+$", "");
            String method = exchange.getRequestMethod();
            Answer answer;
            try {
                if (id.isEmpty() && method.equals("POST")) {
                    answer = create(parse(exchange.getRequestBody()));
                } else if (id.isEmpty() && method.equals("GET")) {
                    answer = list(query(exchange.getRequestURI().getRawQuery()));
                } else if (!id.isEmpty() && method.equals("GET")) {
                    answer = new Answer(200, view(existing(id), null));
                } else if (!id.isEmpty() && method.equals("PUT")) {
                    answer = update(id, parse(exchange.getRequestBody()));
                } else if (!id.isEmpty() && method.equals("DELETE")) {
                    answer = delete(id);
                } else {
                    throw new LambdaError(405, "InvalidRequestContentException", method + " " + exchange.getRequestURI().getPath()
                            + " is not part of the event source mapping API");
                }
            } catch (LambdaError e) {
                exchange.getResponseHeaders().add("X-Amzn-ErrorType", e.type);
                answer = new Answer(e.status, json(g -> {
                    g.writeStringField("Type", e.status >= 500 ? "Service" : "User");
                    g.writeStringField("message", e.getMessage());
                }));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("x-amzn-RequestId", UUID.randomUUID().toString());
            exchange.sendResponseHeaders(answer.status, answer.body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer.body);
            }
        } catch (RuntimeException e) {
            LOG.warning("local Lambda control plane: " + e);
        }
    }

    private synchronized Answer create(Map<String, Object> body) {
        String stream = text(body, "EventSourceArn").filter(arn -> arn.contains(":dynamodb:") && arn.contains("/stream/"))
                .orElseThrow(() -> invalid("EventSourceArn must be a DynamoDB stream ARN, was " + body.get("EventSourceArn")));
        String function = resolve(text(body, "FunctionName").orElseThrow(() -> invalid("FunctionName is required")));
        String position = text(body, "StartingPosition").orElseThrow(() -> invalid("StartingPosition is required for DynamoDB streams"));
        if (!position.equals("TRIM_HORIZON") && !position.equals("LATEST")) {
            throw invalid("StartingPosition must be TRIM_HORIZON or LATEST here, was " + position);
        }
        for (Mapping other : mappings.values()) {
            if (other.streamArn.equals(stream) && other.functionArn.equals(function)) {
                throw new LambdaError(409, "ResourceConflictException", "An event source mapping with DynamoDB stream arn: " + stream
                        + " and function: " + function + " already exists. Please update or delete the existing mapping with UUID "
                        + other.id);
            }
        }
        Mapping mapping = new Mapping(UUID.randomUUID().toString(), stream, function, position);
        mapping.apply(body, true);
        mappings.put(mapping.id, mapping);
        if (mapping.enabled) {
            start(mapping);
        }
        LOG.info("event source mapping " + mapping.id + " created: " + stream + " -> " + function);
        return new Answer(202, view(mapping, "Creating"));
    }

    private synchronized Answer update(String id, Map<String, Object> body) {
        Mapping mapping = existing(id);
        text(body, "FunctionName").map(this::resolve).ifPresent(function -> mapping.functionArn = function);
        mapping.apply(body, false);
        mapping.stop();
        if (mapping.enabled) {
            start(mapping);
        }
        LOG.info("event source mapping " + id + " updated: " + (mapping.enabled ? "Enabled" : "Disabled"));
        return new Answer(202, view(mapping, "Updating"));
    }

    private synchronized Answer delete(String id) {
        Mapping mapping = existing(id);
        mapping.stop();
        mappings.remove(id);
        LOG.info("event source mapping " + id + " deleted");
        return new Answer(202, view(mapping, "Deleting"));
    }

    private synchronized Answer list(Map<String, String> query) {
        Optional<String> stream = Optional.ofNullable(query.get("EventSourceArn"));
        Optional<String> function = Optional.ofNullable(query.get("FunctionName")).map(this::resolveForList);
        List<Mapping> matching = mappings.values().stream()
                .filter(m -> stream.map(m.streamArn::equals).orElse(true))
                .filter(m -> function.map(m.functionArn::equals).orElse(true)).toList();
        int from = Optional.ofNullable(query.get("Marker")).map(Integer::valueOf).orElse(0);
        int max = Optional.ofNullable(query.get("MaxItems")).map(Integer::valueOf).orElse(PAGE);
        List<Mapping> page = matching.subList(Math.min(from, matching.size()), Math.min(from + max, matching.size()));
        boolean more = from + max < matching.size();
        return new Answer(200, json(g -> {
            g.writeArrayFieldStart("EventSourceMappings");
            for (Mapping mapping : page) {
                writeMapping(g, mapping, null);
            }
            g.writeEndArray();
            if (more) {
                g.writeStringField("NextMarker", Integer.toString(from + max));
            }
        }));
    }

    private void start(Mapping mapping) {
        FunctionInvoker invoker = functions.get(unqualified(mapping.functionArn));
        mapping.running = EventSourceMapping.start(streams, sqs, mapping.streamArn, region, mapping.functionArn, invoker,
                mapping.settings(queueUrlOfArn, pollInterval), Clock.systemUTC());
    }

    private Mapping existing(String id) {
        Mapping mapping = mappings.get(id);
        if (mapping == null) {
            throw new LambdaError(404, "ResourceNotFoundException", "The resource you requested does not exist. (Service: Lambda,"
                    + " Status Code: 404, mapping " + id + ")");
        }
        return mapping;
    }

    /** A function name, partial ARN or ARN as Lambda accepts it, to the ARN of a registered function. */
    private String resolve(String name) {
        String arn = name.startsWith("arn:") ? name : "arn:aws:lambda:" + region + ":000000000000:function:" + name;
        if (!functions.containsKey(unqualified(arn))) {
            throw new LambdaError(404, "ResourceNotFoundException", "Function not found: " + arn);
        }
        return arn;
    }

    private String resolveForList(String name) {
        return name.startsWith("arn:") ? name : "arn:aws:lambda:" + region + ":000000000000:function:" + name;
    }

    static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":", -1);
        return parts.length > 7 ? String.join(":", java.util.Arrays.copyOf(parts, 7)) : functionArn;
    }

    private byte[] view(Mapping mapping, String state) {
        return json(g -> writeMappingFields(g, mapping, state));
    }

    private static void writeMapping(JsonGenerator g, Mapping mapping, String state) throws IOException {
        g.writeStartObject();
        writeMappingFields(g, mapping, state);
        g.writeEndObject();
    }

    private static void writeMappingFields(JsonGenerator g, Mapping m, String state) throws IOException {
        g.writeStringField("UUID", m.id);
        g.writeStringField("EventSourceArn", m.streamArn);
        g.writeStringField("FunctionArn", m.functionArn);
        g.writeStringField("State", state != null ? state : m.enabled ? "Enabled" : "Disabled");
        g.writeStringField("StateTransitionReason", "USER_INITIATED");
        g.writeNumberField("LastModified", m.lastModified / 1000.0);
        g.writeStringField("StartingPosition", m.startingPosition);
        g.writeNumberField("BatchSize", m.batchSize);
        g.writeNumberField("MaximumBatchingWindowInSeconds", m.windowSeconds);
        g.writeNumberField("ParallelizationFactor", m.parallelization);
        g.writeNumberField("MaximumRetryAttempts", m.retries);
        g.writeNumberField("MaximumRecordAgeInSeconds", m.recordAgeSeconds);
        g.writeBooleanField("BisectBatchOnFunctionError", m.bisect);
        g.writeArrayFieldStart("FunctionResponseTypes");
        if (m.reportBatchItemFailures) {
            g.writeString("ReportBatchItemFailures");
        }
        g.writeEndArray();
        if (m.removeOnly) {
            g.writeObjectFieldStart("FilterCriteria");
            g.writeArrayFieldStart("Filters");
            g.writeStartObject();
            g.writeStringField("Pattern", REMOVE_ONLY);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeObjectFieldStart("DestinationConfig");
        g.writeObjectFieldStart("OnFailure");
        if (m.onFailure != null) {
            g.writeStringField("Destination", m.onFailure);
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One mapping's settings, as stored. */
    private static final class Mapping {
        final String id;
        final String streamArn;
        final String startingPosition;
        String functionArn;
        boolean enabled = true;
        int batchSize = 100;
        int windowSeconds;
        int parallelization = 1;
        int retries = -1;
        int recordAgeSeconds = -1;
        boolean bisect;
        boolean reportBatchItemFailures;
        boolean removeOnly;
        String onFailure;
        long lastModified = System.currentTimeMillis();
        EventSourceMapping running;

        Mapping(String id, String streamArn, String functionArn, String startingPosition) {
            this.id = id;
            this.streamArn = streamArn;
            this.functionArn = functionArn;
            this.startingPosition = startingPosition;
        }

        /** Takes what the request sets; the limits are Lambda's for DynamoDB streams. */
        @SuppressWarnings("unchecked")
        void apply(Map<String, Object> body, boolean creating) {
            Optional<Boolean> enabledIn = bool(body, "Enabled");
            int newBatch = integer(body, "BatchSize").orElse(batchSize);
            int newWindow = integer(body, "MaximumBatchingWindowInSeconds").orElse(windowSeconds);
            int newParallel = integer(body, "ParallelizationFactor").orElse(parallelization);
            int newRetries = integer(body, "MaximumRetryAttempts").orElse(retries);
            int newAge = integer(body, "MaximumRecordAgeInSeconds").orElse(recordAgeSeconds);
            check(newBatch >= 1 && newBatch <= 10_000, "BatchSize must be 1 to 10000, was " + newBatch);
            check(newWindow >= 0 && newWindow <= 300, "MaximumBatchingWindowInSeconds must be 0 to 300, was " + newWindow);
            check(newParallel >= 1 && newParallel <= 10, "ParallelizationFactor must be 1 to 10, was " + newParallel);
            check(newRetries >= -1 && newRetries <= 10_000, "MaximumRetryAttempts must be -1 to 10000, was " + newRetries);
            check(newAge == -1 || (newAge >= 60 && newAge <= 604_800), "MaximumRecordAgeInSeconds must be -1 or 60 to 604800, was " + newAge);
            boolean newRemoveOnly = removeOnly;
            if (body.containsKey("FilterCriteria")) {
                Object filters = body.get("FilterCriteria") instanceof Map<?, ?> criteria ? criteria.get("Filters") : null;
                List<Object> list = filters instanceof List<?> l ? (List<Object>) l : List.of();
                List<String> patterns = list.stream().map(f -> f instanceof Map<?, ?> m ? String.valueOf(m.get("Pattern")) : "")
                        .map(LocalLambdaControlPlane::compact).toList();
                check(patterns.isEmpty() || patterns.equals(List.of(REMOVE_ONLY)),
                        "this local control plane supports no filter or " + REMOVE_ONLY + " only, was " + patterns);
                newRemoveOnly = !patterns.isEmpty();
            }
            String newOnFailure = onFailure;
            if (body.get("DestinationConfig") instanceof Map<?, ?> destination) {
                Object onFailureConfig = destination.get("OnFailure");
                newOnFailure = onFailureConfig instanceof Map<?, ?> of && of.get("Destination") instanceof String arn && !arn.isBlank()
                        ? arn : null;
            }
            enabled = enabledIn.orElse(creating || enabled);
            batchSize = newBatch;
            windowSeconds = newWindow;
            parallelization = newParallel;
            retries = newRetries;
            recordAgeSeconds = newAge;
            bisect = bool(body, "BisectBatchOnFunctionError").orElse(bisect);
            if (body.get("FunctionResponseTypes") instanceof List<?> types) {
                reportBatchItemFailures = types.contains("ReportBatchItemFailures");
            }
            removeOnly = newRemoveOnly;
            onFailure = newOnFailure;
            lastModified = System.currentTimeMillis();
        }

        EventSourceMappingSettings settings(Function<String, String> queueUrlOfArn, Duration pollInterval) {
            return new EventSourceMappingSettings(batchSize, Duration.ofSeconds(windowSeconds), retries,
                    recordAgeSeconds < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(recordAgeSeconds), bisect, reportBatchItemFailures,
                    removeOnly, startingPosition.equals("LATEST") ? EventSourceMappingSettings.StartingPosition.LATEST
                    : EventSourceMappingSettings.StartingPosition.TRIM_HORIZON,
                    Optional.ofNullable(onFailure).map(queueUrlOfArn), pollInterval);
        }

        void stop() {
            if (running != null) {
                running.close();
                running = null;
            }
        }
    }

    private static void check(boolean valid, String message) {
        if (!valid) {
            throw invalid(message);
        }
    }

    private static LambdaError invalid(String message) {
        return new LambdaError(400, "InvalidParameterValueException", message);
    }

    /** An error answered the way Lambda answers it. */
    private static final class LambdaError extends RuntimeException {
        final int status;
        final String type;

        LambdaError(int status, String type, String message) {
            super(message);
            this.status = status;
            this.type = type;
        }
    }

    private record Answer(int status, byte[] body) {
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private static byte[] json(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            writer.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Map<String, Object> parse(InputStream body) {
        try (JsonParser parser = JSON.createParser(body.readAllBytes())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return Map.of();
            }
            if (first != JsonToken.START_OBJECT) {
                throw invalid("the request body is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value(parser);
            return map;
        } catch (IOException e) {
            throw new LambdaError(400, "InvalidRequestContentException", "Could not parse request body into json: " + e.getMessage());
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            Map<String, Object> map = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                map.put(name, value(parser));
            }
            return map;
        }
        if (token == JsonToken.START_ARRAY) {
            List<Object> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(parser));
            }
            return list;
        }
        return switch (token) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> parser.getText();
        };
    }

    private static Optional<String> text(Map<String, Object> body, String field) {
        return body.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Integer> integer(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long number && number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE) {
            return Optional.of(number.intValue());
        }
        throw invalid(field + " must be a whole number, was " + value);
    }

    private static Optional<Boolean> bool(Map<String, Object> body, String field) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw invalid(field + " must be true or false, was " + value);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    static String compact(String json) {
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
