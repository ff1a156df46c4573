package dev.lifecycle.it.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

/**
 * Lambda DynamoDB stream events as Lambda delivers them to the processor: REMOVE records of table {@code orders}
 * (keys pk + sk, TTL attribute expiresAt), half TTL expiries (the service principal) and half user deletes, with
 * items of a chosen size made of the attribute types a real item holds (strings, decimal numbers, a nested map, a
 * list, a binary, a boolean, a string set). Seeded: the same arguments give the same bytes.
 */
final class StreamEvents {

    /** Lambda's invocation payload limit for a synchronous invoke, which caps a stream batch. */
    static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();
    private static final String ARN = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-12-01T00:00:00.000";

    private StreamEvents() {
    }

    /** An event of {@code records} records with items of about {@code itemBytes} bytes of DynamoDB JSON each. */
    static byte[] ofRecords(int records, int itemBytes, long seed) {
        return build(0, records, Integer.MAX_VALUE, itemBytes, seed);
    }

    /** As {@link #ofRecords(int, int, long)}, numbering records (keys, sequence numbers) from {@code firstIndex}. */
    static byte[] ofRecords(int firstIndex, int records, int itemBytes, long seed) {
        return build(firstIndex, records, Integer.MAX_VALUE, itemBytes, seed);
    }

    /** The largest event under Lambda's 6 MB payload limit made of items of about {@code itemBytes} bytes. */
    static byte[] largestBatch(int itemBytes, long seed) {
        return build(0, 10_000, MAX_EVENT_BYTES, itemBytes, seed);
    }

    /** The event of one {@link ProcessorCpuBenchmark} configuration: {@code batch} is "6MB" or a number of records. */
    static byte[] forBenchmark(String batch, int itemBytes) {
        return batch.equals("6MB") ? largestBatch(itemBytes, 42) : ofRecords(Integer.parseInt(batch), itemBytes, 42);
    }

    static int recordCount(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        int count = 0;
        for (int at = text.indexOf("\"eventName\""); at >= 0; at = text.indexOf("\"eventName\"", at + 1)) {
            count++;
        }
        return count;
    }

    private static byte[] build(int firstIndex, int maxRecords, int maxBytes, int itemBytes, long seed) {
        Random random = new Random(seed);
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < maxRecords; i++) {
            String record = record(firstIndex + i, itemBytes, random);
            int size = records.length() + record.length() + 16;
            if (size > maxBytes) {
                break;
            }
            if (i > 0) {
                records.append(',');
            }
            records.append(record);
        }
        byte[] body = ("{\"Records\":[" + records + "]}").getBytes(StandardCharsets.UTF_8);
        if (body.length > maxBytes) {
            throw new IllegalStateException("event of " + body.length + " bytes is over " + maxBytes);
        }
        return body;
    }

    private static String record(int index, int itemBytes, Random random) {
        boolean ttl = index % 2 == 0;
        String pk = "customer-" + (index % 997);
        String sk = "order-" + String.format("%08d", index);
        long deletedAt = 1_796_000_000L + index;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(itemBytes + 1024);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("eventID", "e" + Long.toHexString(random.nextLong()));
            json.writeStringField("eventName", "REMOVE");
            json.writeStringField("eventVersion", "1.1");
            json.writeStringField("eventSource", "aws:dynamodb");
            json.writeStringField("awsRegion", "us-east-1");
            json.writeObjectFieldStart("dynamodb");
            json.writeNumberField("ApproximateCreationDateTime", deletedAt);
            json.writeObjectFieldStart("Keys");
            string(json, "pk", pk);
            string(json, "sk", sk);
            json.writeEndObject();
            json.writeObjectFieldStart("OldImage");
            string(json, "pk", pk);
            string(json, "sk", sk);
            number(json, "expiresAt", Long.toString(deletedAt - 3600));
            number(json, "total", (random.nextInt(100_000)) + "." + String.format("%02d", random.nextInt(100)));
            json.writeFieldName("shipped");
            json.writeStartObject();
            json.writeBooleanField("BOOL", random.nextBoolean());
            json.writeEndObject();
            json.writeFieldName("tags");
            json.writeStartObject();
            json.writeArrayFieldStart("SS");
            json.writeString("priority");
            json.writeString("gift-" + random.nextInt(10));
            json.writeEndArray();
            json.writeEndObject();
            json.writeFieldName("address");
            json.writeStartObject();
            json.writeObjectFieldStart("M");
            string(json, "street", random.nextInt(999) + " Main Street");
            string(json, "city", "Springfield");
            string(json, "zip", String.format("%05d", random.nextInt(100_000)));
            json.writeEndObject();
            json.writeEndObject();
            json.writeFieldName("signature");
            json.writeStartObject();
            byte[] signature = new byte[32];
            random.nextBytes(signature);
            json.writeStringField("B", Base64.getEncoder().encodeToString(signature));
            json.writeEndObject();
            // Line items until the item reaches its size: the list is what grows in real orders.
            json.writeFieldName("lines");
            json.writeStartObject();
            json.writeArrayFieldStart("L");
            int line = 0;
            while (json.getOutputBuffered() + bytes.size() < itemBytes - 150 || line == 0) {
                json.writeStartObject();
                json.writeObjectFieldStart("M");
                string(json, "sku", "SKU-" + Integer.toString(random.nextInt(1 << 30), 36));
                number(json, "qty", Integer.toString(1 + random.nextInt(9)));
                number(json, "price", random.nextInt(1000) + "." + String.format("%02d", random.nextInt(100)));
                string(json, "name", "Item number " + line + " of this order");
                json.writeEndObject();
                json.writeEndObject();
                line++;
                json.flush();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();
            json.writeStringField("SequenceNumber", Long.toString(4_100_000_000_000_000_000L + index));
            json.writeNumberField("SizeBytes", itemBytes);
            json.writeStringField("StreamViewType", "NEW_AND_OLD_IMAGES");
            json.writeEndObject();
            if (ttl) {
                json.writeObjectFieldStart("userIdentity");
                json.writeStringField("type", "Service");
                json.writeStringField("principalId", "dynamodb.amazonaws.com");
                json.writeEndObject();
            }
            json.writeStringField("eventSourceARN", ARN);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static void string(JsonGenerator json, String name, String value) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("S", value);
        json.writeEndObject();
    }

    private static void number(JsonGenerator json, String name, String value) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("N", value);
        json.writeEndObject();
    }
}
