package dev.lifecycle.domain.stream;

import java.time.Instant;

/**
 * The metadata Lambda sends to the on-failure destination for a batch it gave up on: which shard
 * and which range of sequence numbers. The records themselves must be read again from the stream
 * while it still holds them (24 hours).
 */
public record FailedBatch(String streamArn, String shardId, SequenceNumber startSequenceNumber,
                          SequenceNumber endSequenceNumber, int batchSize, Instant approximateArrivalOfFirstRecord,
                          Instant approximateArrivalOfLastRecord, String condition) {

    public FailedBatch {
        if (streamArn == null || streamArn.isBlank() || shardId == null || shardId.isBlank()) {
            throw new IllegalArgumentException("a failed batch names its stream and shard");
        }
        if (startSequenceNumber == null || endSequenceNumber == null) {
            throw new IllegalArgumentException("a failed batch has a sequence range");
        }
        if (startSequenceNumber.compareTo(endSequenceNumber) > 0) {
            throw new IllegalArgumentException("sequence range " + startSequenceNumber + ".." + endSequenceNumber + " is reversed");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("a failed batch has at least one record");
        }
    }
}
