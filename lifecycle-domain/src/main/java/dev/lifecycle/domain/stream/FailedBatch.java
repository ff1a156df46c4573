package dev.lifecycle.domain.stream;

import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.Optional;

/**
 * The metadata Lambda sends to the on-failure destination for a batch it gave up on: which stream,
 * table and shard, and which range of sequence numbers (both ends are records the batch held). The
 * records themselves must be read again from the stream while it still holds them (24 hours).
 * {@code batchSize} is how many records the batch held: with the product's {@code REMOVE} filter,
 * how many removals.
 */
public record FailedBatch(String streamArn, TableName table, String shardId, SequenceNumber startSequenceNumber,
                          SequenceNumber endSequenceNumber, int batchSize, Optional<Instant> approximateArrivalOfFirstRecord,
                          Optional<Instant> approximateArrivalOfLastRecord, String condition) {

    public FailedBatch {
        if (streamArn == null || streamArn.isBlank() || shardId == null || shardId.isBlank()) {
            throw new IllegalArgumentException("a failed batch names its stream and shard, had stream '" + streamArn
                    + "' and shard '" + shardId + "'");
        }
        if (table == null) {
            throw new IllegalArgumentException("a failed batch names the table of its stream");
        }
        if (startSequenceNumber == null || endSequenceNumber == null) {
            throw new IllegalArgumentException("a failed batch has a sequence range");
        }
        if (startSequenceNumber.compareTo(endSequenceNumber) > 0) {
            throw new IllegalArgumentException("sequence range " + startSequenceNumber + ".." + endSequenceNumber + " is reversed");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a failed batch has at least one record, batchSize was " + batchSize);
        }
        if (approximateArrivalOfFirstRecord == null || approximateArrivalOfLastRecord == null) {
            throw new IllegalArgumentException("arrival times are Optional.empty(), not null");
        }
        condition = condition == null || condition.isBlank() ? "unknown" : condition;
    }

    /** {@code shardId [start..end]}, for logs and reports. */
    public String range() {
        return shardId + " [" + startSequenceNumber + ".." + endSequenceNumber + "]";
    }
}
