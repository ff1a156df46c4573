package dev.lifecycle.adapters.aws.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lifecycle.adapters.aws.json.DynamoDbJson;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.RandomValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The largest batch Lambda delivers: 6 MB of about 6,000 records of 1 KB. Correctness only; timing is the benchmark's. */
class LambdaStreamEventDecoderLargeBatchTest {

    private static final int RECORDS = 6_000;
    private static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;
    private static final TableName ORDERS = TableName.of("orders");

    @Test
    void sixMegabyteEvent_decodesEveryRecord() throws IOException {
        RandomValues random = new RandomValues(6_000_000);
        List<ChangeRecord> expected = new ArrayList<>(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            expected.add(record(random, i));
        }
        byte[] event = eventOf(expected);

        List<IncomingRecord> decoded = new LambdaStreamEventDecoder().decode(event).records();

        assertThat(event.length).isBetween(5_500_000, LAMBDA_PAYLOAD_LIMIT);
        assertThat(decoded).hasSize(RECORDS);
        for (int i = 0; i < RECORDS; i++) {
            assertThat(decoded.get(i)).as("record %d", i).isEqualTo(new IncomingRecord.Decoded(expected.get(i)));
        }
    }

    private static ChangeRecord record(RandomValues random, int i) {
        ItemKey key = ItemKey.of("pk", AttributeValue.s("customer#" + i), "sk", AttributeValue.s("order#" + i));
        Item image = random.item(key)
                .with("total", random.number())
                .with("description", AttributeValue.s("x".repeat(200 + (int) random.longBetween(0, 80))));
        Optional<UserIdentity> identity = i % 3 == 0 ? Optional.of(UserIdentity.dynamoDbTtlService()) : Optional.empty();
        return new ChangeRecord("event-" + i, EventName.REMOVE, ORDERS, key.asAttributes(), Optional.of(image), Optional.empty(),
                SequenceNumber.of(Long.toString(4_100_000_000_000_000_000L + i)),
                Instant.ofEpochSecond(1_795_342_530L + i / 100), identity, StreamViewType.NEW_AND_OLD_IMAGES);
    }

    private static byte[] eventOf(List<ChangeRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(LAMBDA_PAYLOAD_LIMIT);
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("Records");
            for (ChangeRecord record : records) {
                json.writeStartObject();
                json.writeStringField("eventID", record.eventId());
                json.writeStringField("eventName", record.eventName().name());
                json.writeStringField("eventVersion", "1.1");
                json.writeStringField("eventSource", "aws:dynamodb");
                json.writeStringField("awsRegion", "eu-west-1");
                json.writeObjectFieldStart("dynamodb");
                json.writeNumberField("ApproximateCreationDateTime", record.approximateCreationTime().getEpochSecond());
                json.writeFieldName("Keys");
                DynamoDbJson.writeAttributes(json, record.keys());
                json.writeFieldName("OldImage");
                DynamoDbJson.writeItem(json, record.oldImage().orElseThrow());
                json.writeStringField("SequenceNumber", record.sequenceNumber().value());
                json.writeNumberField("SizeBytes", 1000);
                json.writeStringField("StreamViewType", record.viewType().name());
                json.writeEndObject();
                json.writeStringField("eventSourceARN", StreamEventJson.ORDERS_ARN);
                if (record.userIdentity().isPresent()) {
                    json.writeObjectFieldStart("userIdentity");
                    json.writeStringField("type", record.userIdentity().get().type());
                    json.writeStringField("principalId", record.userIdentity().get().principalId());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }
}
