package dev.lifecycle.it.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

/**
 * Writes Streams API records as the JSON event Lambda hands a function. Written independently of
 * the product's own decoder on purpose: a shared codec would hide a bug both sides agreed on.
 */
public final class LambdaStreamEvents {

    private static final JsonFactory JSON = new JsonFactory();

    private LambdaStreamEvents() {
    }

    public static byte[] event(List<Record> records, String streamArn, String region) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 * records.size());
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (Record record : records) {
                writeRecord(json, record, streamArn, region);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The size one record adds to an event, for the 6 MB payload limit. */
    public static int size(Record record, String streamArn, String region) {
        return event(List.of(record), streamArn, region).length - "{\"Records\":[]}".length() + 1;
    }

    private static void writeRecord(JsonGenerator json, Record record, String streamArn, String region) throws IOException {
        json.writeStartObject();
        json.writeStringField("eventID", record.eventID());
        json.writeStringField("eventName", record.eventNameAsString());
        json.writeStringField("eventVersion", record.eventVersion() == null ? "1.1" : record.eventVersion());
        json.writeStringField("eventSource", "aws:dynamodb");
        json.writeStringField("awsRegion", record.awsRegion() == null ? region : record.awsRegion());
        StreamRecord stream = record.dynamodb();
        json.writeObjectFieldStart("dynamodb");
        if (stream.approximateCreationDateTime() != null) {
            json.writeNumberField("ApproximateCreationDateTime", stream.approximateCreationDateTime().getEpochSecond());
        }
        writeImage(json, "Keys", stream.hasKeys() ? stream.keys() : null);
        writeImage(json, "NewImage", stream.hasNewImage() ? stream.newImage() : null);
        writeImage(json, "OldImage", stream.hasOldImage() ? stream.oldImage() : null);
        json.writeStringField("SequenceNumber", stream.sequenceNumber());
        if (stream.sizeBytes() != null) {
            json.writeNumberField("SizeBytes", stream.sizeBytes());
        }
        json.writeStringField("StreamViewType", stream.streamViewTypeAsString());
        json.writeEndObject();
        if (record.userIdentity() != null) {
            json.writeObjectFieldStart("userIdentity");
            json.writeStringField("type", record.userIdentity().type());
            json.writeStringField("principalId", record.userIdentity().principalId());
            json.writeEndObject();
        }
        json.writeStringField("eventSourceARN", streamArn);
        json.writeEndObject();
    }

    private static void writeImage(JsonGenerator json, String field, Map<String, AttributeValue> image) throws IOException {
        if (image == null) {
            return;
        }
        json.writeFieldName(field);
        writeMap(json, image);
    }

    private static void writeMap(JsonGenerator json, Map<String, AttributeValue> attributes) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            json.writeFieldName(attribute.getKey());
            writeValue(json, attribute.getValue());
        }
        json.writeEndObject();
    }

    private static void writeValue(JsonGenerator json, AttributeValue value) throws IOException {
        json.writeStartObject();
        switch (value.type()) {
            case S -> json.writeStringField("S", value.s());
            case N -> json.writeStringField("N", value.n());
            case B -> json.writeStringField("B", java.util.Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case SS -> {
                json.writeArrayFieldStart("SS");
                for (String member : value.ss()) {
                    json.writeString(member);
                }
                json.writeEndArray();
            }
            case NS -> {
                json.writeArrayFieldStart("NS");
                for (String member : value.ns()) {
                    json.writeString(member);
                }
                json.writeEndArray();
            }
            case BS -> {
                json.writeArrayFieldStart("BS");
                for (var member : value.bs()) {
                    json.writeString(java.util.Base64.getEncoder().encodeToString(member.asByteArray()));
                }
                json.writeEndArray();
            }
            case M -> {
                json.writeFieldName("M");
                writeMap(json, value.m());
            }
            case L -> {
                json.writeArrayFieldStart("L");
                for (AttributeValue element : value.l()) {
                    writeValue(json, element);
                }
                json.writeEndArray();
            }
            case NUL -> json.writeBooleanField("NULL", true);
            case BOOL -> json.writeBooleanField("BOOL", value.bool());
            default -> throw new IllegalArgumentException("unknown attribute value type in a stream record: " + value);
        }
        json.writeEndObject();
    }
}
