package dev.lifecycle.adapters.aws.sqs;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.adapters.aws.json.JsonFactories;
import dev.lifecycle.adapters.aws.stream.StreamArn;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Lambda's on-failure message for a DynamoDB stream batch ({@code DDBStreamBatchInfo}),
 * sent to SQS directly or through SNS (the SNS envelope's {@code Message}). A message that is not
 * one fails with an {@link IllegalArgumentException} naming the field at fault; the arrival times,
 * which replay does not need, are read when they parse and left empty otherwise.
 */
public final class FailureMessages {

    private static final int MAX_DEPTH = 16;

    private FailureMessages() {
    }

    public static FailedBatch parse(String body) {
        Map<String, Object> message = object(body, "the body");
        if (!message.containsKey("DDBStreamBatchInfo") && "Notification".equals(message.get("Type"))
                && message.get("Message") instanceof String inner) {
            message = object(inner, "the SNS envelope's Message");
        }
        if (!(message.get("DDBStreamBatchInfo") instanceof Map<?, ?> info)) {
            throw new IllegalArgumentException(message.containsKey("KinesisBatchInfo")
                    ? "KinesisBatchInfo: a Kinesis batch, not a DynamoDB stream batch"
                    : "DDBStreamBatchInfo: is missing: not an on-failure message of a DynamoDB stream batch");
        }
        String streamArn = text(info, "streamArn");
        StreamArn arn;
        try {
            arn = StreamArn.parse(streamArn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DDBStreamBatchInfo.streamArn: " + e.getMessage(), e);
        }
        SequenceNumber start = sequence(info, "startSequenceNumber");
        SequenceNumber end = sequence(info, "endSequenceNumber");
        int batchSize = batchSize(info);
        String condition = message.get("requestContext") instanceof Map<?, ?> context && context.get("condition") instanceof String c
                ? c : null;
        try {
            return new FailedBatch(arn.toString(), arn.table(), text(info, "shardId"), start, end, batchSize,
                    instant(info.get("approximateArrivalOfFirstRecord")), instant(info.get("approximateArrivalOfLastRecord")),
                    condition);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DDBStreamBatchInfo: " + e.getMessage(), e);
        }
    }

    private static String text(Map<?, ?> info, String field) {
        Object value = info.get(field);
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("DDBStreamBatchInfo." + field + ": " + (value == null ? "is missing" : "must be a non-empty string"));
        }
        return s;
    }

    private static SequenceNumber sequence(Map<?, ?> info, String field) {
        String text = text(info, field);
        try {
            return SequenceNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("DDBStreamBatchInfo." + field + ": " + e.getMessage(), e);
        }
    }

    private static int batchSize(Map<?, ?> info) {
        Object value = info.get("batchSize");
        try {
            long size = value instanceof Integer || value instanceof Long ? ((Number) value).longValue()
                    : Long.parseLong(String.valueOf(value));
            if (size < 1 || size > 10_000) {
                throw new NumberFormatException();
            }
            return (int) size;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("DDBStreamBatchInfo.batchSize: " + (value == null ? "is missing"
                    : "'" + value + "' is not a batch size (1 to 10000)"));
        }
    }

    private static Optional<Instant> instant(Object value) {
        if (!(value instanceof String text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Object> object(String json, String what) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException(what + " is not a JSON object");
            }
            Map<String, Object> object = readObject(parser, 0);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException(what + " has content after its JSON object");
            }
            return object;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> readObject(JsonParser parser, int depth) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.put(name, value(parser, depth));
        }
        return object;
    }

    private static Object value(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("the message nests deeper than " + MAX_DEPTH + " levels");
        }
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser, depth + 1);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser, depth + 1));
                }
                return list;
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return parser.getBooleanValue();
            default:
                return null;
        }
    }
}
