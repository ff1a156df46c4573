package dev.lifecycle.adapters.aws.stream;

import static dev.lifecycle.domain.testing.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

class StreamsApiRecordMapperTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final Item ORDER = order("customer#42", "order#2026-11-01", 1795342470L);

    @Test
    void ttlRemoval_mapsEveryField() {
        ChangeRecord expected = TestRecords.ttlRemove(ORDER, "4100000000000000000001");

        ChangeRecord mapped = StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(expected), ORDERS);

        assertThat(mapped).isEqualTo(expected);
        assertThat(mapped.userIdentity()).contains(UserIdentity.dynamoDbTtlService());
        assertThat(((AttributeValue.N) mapped.oldImage().orElseThrow().get("total").orElseThrow()).value()).isEqualTo("129.90");
    }

    @Test
    void insert_hasANewImageAndNoOldOne() {
        ChangeRecord expected = TestRecords.insert(ORDER, "4100000000000000000002");

        assertThat(StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(expected), ORDERS)).isEqualTo(expected);
    }

    @Test
    void modify_hasBothImages() {
        ChangeRecord expected = TestRecords.modify(ORDER, ORDER.with("total", AttributeValue.n("5")), "4100000000000000000003");

        assertThat(StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(expected), ORDERS)).isEqualTo(expected);
    }

    @Test
    void keysOnlyRemoval_hasNoImages() {
        ChangeRecord expected = TestRecords.keysOnlyRemove(ORDER, "4100000000000000000004", Optional.empty());

        assertThat(StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(expected), ORDERS)).isEqualTo(expected);
    }

    @Test
    void theTableIsTheOneTheCallerNames() {
        ChangeRecord record = TestRecords.userRemove(ORDER, "4100000000000000000005");

        assertThat(StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(record), TableName.of("orders-replica")).table())
                .isEqualTo(TableName.of("orders-replica"));
    }

    static Stream<Long> seeds() {
        return RandomValues.seeds(77, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anyRecord_mapsBackToItself(long seed) {
        ChangeRecord expected = randomRecord(new RandomValues(seed));

        assertThat(StreamsApiRecordMapper.toChangeRecord(SdkRecords.of(expected), ORDERS)).as("seed %d", seed).isEqualTo(expected);
    }

    @Test
    void missingSequenceNumber_isRejectedNamingTheField() {
        Record record = withStream(SdkRecords.of(TestRecords.userRemove(ORDER, "1")), stream -> stream.sequenceNumber(null));

        assertThatThrownBy(() -> StreamsApiRecordMapper.toChangeRecord(record, ORDERS))
                .hasMessage("dynamodb.SequenceNumber: is missing");
    }

    @Test
    void missingKeys_areRejectedNamingTheField() {
        Record record = withStream(SdkRecords.of(TestRecords.userRemove(ORDER, "1")), stream -> stream.keys(null));

        assertThatThrownBy(() -> StreamsApiRecordMapper.toChangeRecord(record, ORDERS)).hasMessage("dynamodb.Keys: is missing");
    }

    @Test
    void eventNameThisSdkDoesNotKnow_isRejected() {
        Record record = SdkRecords.of(TestRecords.userRemove(ORDER, "1")).toBuilder().eventName("TRUNCATE").build();

        assertThatThrownBy(() -> StreamsApiRecordMapper.toChangeRecord(record, ORDERS))
                .hasMessage("eventName: event name 'TRUNCATE' is not one of INSERT, MODIFY, REMOVE");
    }

    @Test
    void badNumberInTheOldImage_isReportedWithItsPath() {
        Record record = withStream(SdkRecords.of(TestRecords.userRemove(ORDER, "1")), stream -> stream.oldImage(Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("customer#42"),
                "total", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("12,50"))));

        assertThatThrownBy(() -> StreamsApiRecordMapper.toChangeRecord(record, ORDERS))
                .hasMessageStartingWith("dynamodb.OldImage.total: N value '12,50' is not a decimal number");
    }

    @Test
    void oldImageOnAKeysOnlyStream_isRejectedByTheDomain() {
        Record record = withStream(SdkRecords.of(TestRecords.userRemove(ORDER, "1")), stream -> stream.streamViewType("KEYS_ONLY"));

        assertThatThrownBy(() -> StreamsApiRecordMapper.toChangeRecord(record, ORDERS))
                .hasMessage("change record: a KEYS_ONLY stream record cannot carry an old image");
    }

    private static Record withStream(Record record, java.util.function.Consumer<StreamRecord.Builder> change) {
        StreamRecord.Builder stream = record.dynamodb().toBuilder();
        change.accept(stream);
        return record.toBuilder().dynamodb(stream.build()).build();
    }

    /** Any record a stream could hold: any key and image, any event, view type, identity and time. */
    static ChangeRecord randomRecord(RandomValues random) {
        ItemKey key = random.itemKey();
        Item image = random.item(key);
        EventName event = EventName.values()[(int) random.longBetween(0, 3)];
        StreamViewType viewType = StreamViewType.values()[(int) random.longBetween(0, 4)];
        Optional<Item> oldImage = event != EventName.INSERT && viewType.includesOldImage() ? Optional.of(image) : Optional.empty();
        boolean newImageShown = viewType == StreamViewType.NEW_IMAGE || viewType == StreamViewType.NEW_AND_OLD_IMAGES;
        Optional<Item> newImage = event != EventName.REMOVE && newImageShown ? Optional.of(random.item(key)) : Optional.empty();
        Optional<UserIdentity> identity = event == EventName.REMOVE && random.longBetween(0, 2) == 0
                ? Optional.of(UserIdentity.dynamoDbTtlService()) : Optional.empty();
        Instant at = random.instant(Instant.parse("2020-01-01T00:00:00Z"), Instant.parse("2030-01-01T00:00:00Z"));
        SequenceNumber sequence = SequenceNumber.of(Long.toString(random.longBetween(1, Long.MAX_VALUE)) + "00000");
        return new ChangeRecord("event-" + random.longBetween(0, 1_000_000), event, ORDERS, key.asAttributes(), oldImage,
                newImage, sequence, at, identity, viewType);
    }
}
