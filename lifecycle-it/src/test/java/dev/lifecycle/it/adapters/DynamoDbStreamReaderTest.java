package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.stream.DynamoDbStreamReader;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.ReadStreamPort.ReadRecord;
import dev.lifecycle.domain.stream.ReadStreamPort.StreamSlice;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * The stream reader of replay against DynamoDB Local: a range comes back in order, from its first to
 * its last record and no further; a range starting before the shard's first record (what a range
 * whose start aged out looks like) is marked trimmed; a shard that does not exist fails permanently.
 */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbStreamReaderTest {

    private final LocalAws aws;
    private final DynamoDbStreamReader reader;
    private String table;
    private String streamArn;
    private String shardId;
    private List<SequenceNumber> sequence;

    DynamoDbStreamReaderTest(LocalAws aws) {
        this.aws = aws;
        this.reader = new DynamoDbStreamReader(aws.dynamoDbStreams());
    }

    /** Four orders written and deleted: eight records, an INSERT and a REMOVE each. */
    @BeforeEach
    void tableWithEightRecords() {
        table = ApplyFixtures.table(aws, "replay-read", StreamViewType.NEW_AND_OLD_IMAGES);
        for (int i = 0; i < 4; i++) {
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = Map.of(
                    "pk", s("customer#" + i), "sk", s("order-" + i));
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = new java.util.HashMap<>(key);
            item.put("total", software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().n("12345678901234567890.5").build());
            aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
            aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
        }
        streamArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        shardId = aws.dynamoDbStreams().describeStream(b -> b.streamArn(streamArn)).streamDescription().shards().get(0).shardId();
        sequence = allRecords().stream().map(r -> SequenceNumber.of(r.dynamodb().sequenceNumber())).toList();
        assertThat(sequence).hasSize(8);
    }

    @Test
    void aRange_isReadBackInOrder_fromItsFirstToItsLastRecord_andNoFurther() {
        StreamSlice slice = reader.read(streamArn, shardId, sequence.get(1), sequence.get(5));

        assertThat(slice.trimmed()).isFalse();
        assertThat(slice.records()).extracting(ReadRecord::sequenceNumber).containsExactlyElementsOf(sequence.subList(1, 6));
        ReadRecord.Decoded removal = (ReadRecord.Decoded) slice.records().get(0);
        assertThat(removal.record().eventName()).isEqualTo(EventName.REMOVE);
        assertThat(removal.record().table()).isEqualTo(TableName.of(table));
        assertThat(removal.record().oldImage().orElseThrow().get("total")).contains(AttributeValue.n("12345678901234567890.5"));
    }

    @Test
    void aRangeOfOneRecord_isThatRecord() {
        StreamSlice slice = reader.read(streamArn, shardId, sequence.get(3), sequence.get(3));

        assertThat(slice.records()).extracting(ReadRecord::sequenceNumber).containsExactly(sequence.get(3));
        assertThat(slice.trimmed()).isFalse();
    }

    @Test
    void aRangeStartingBeforeTheShardsFirstRecord_isMarkedTrimmed_andReadFromTheFirstRecordHeld() {
        StreamSlice slice = reader.read(streamArn, shardId, before(sequence.get(0), 1), sequence.get(2));

        assertThat(slice.trimmed()).isTrue();
        assertThat(slice.records()).extracting(ReadRecord::sequenceNumber).containsExactlyElementsOf(sequence.subList(0, 3));
    }

    @Test
    void aRangeWhollyBeforeTheShardsFirstRecord_isTrimmedAndEmpty() {
        StreamSlice slice = reader.read(streamArn, shardId, before(sequence.get(0), 2), before(sequence.get(0), 1));

        assertThat(slice.trimmed()).isTrue();
        assertThat(slice.records()).isEmpty();
    }

    @Test
    void aShardThatDoesNotExist_isAPermanentFailureNamingIt() {
        assertThatThrownBy(() -> reader.read(streamArn, "shardId-00000000000000000000-deadbeef", sequence.get(0), sequence.get(1)))
                .isInstanceOfSatisfying(DependencyFailureException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("shardId-00000000000000000000-deadbeef");
    }

    /** The number {@code by} below {@code n}, as wide as the shard's own numbers (DynamoDB wants at least 21 digits). */
    private static SequenceNumber before(SequenceNumber n, int by) {
        String lower = new BigInteger(n.value()).subtract(BigInteger.valueOf(by)).toString();
        return SequenceNumber.of("0".repeat(Math.max(0, n.value().length() - lower.length())) + lower);
    }

    private List<Record> allRecords() {
        List<Record> records = new ArrayList<>();
        String iterator = aws.dynamoDbStreams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
        for (int page = 0; page < 10 && iterator != null && records.size() < 8; page++) {
            String current = iterator;
            var response = aws.dynamoDbStreams().getRecords(b -> b.shardIterator(current));
            records.addAll(response.records());
            iterator = response.nextShardIterator();
        }
        return records;
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder().s(value).build();
    }
}
