package dev.lifecycle.domain.stream;

import java.util.List;

/** Reads records of a stream shard again, for replay. */
public interface ReadStreamPort {

    /**
     * The records of the shard between two sequence numbers, both inclusive, in shard order. Fails
     * with a {@code DependencyFailureException} when the shard cannot be read to {@code to}.
     */
    StreamSlice read(String streamArn, String shardId, SequenceNumber from, SequenceNumber to);

    /**
     * Records read back, and whether the stream still held the start of the range: when
     * {@code trimmed} is true, records before the first one returned had aged out (24 hours) and
     * are lost to replay.
     */
    record StreamSlice(List<ReadRecord> records, boolean trimmed) {
        public StreamSlice {
            records = List.copyOf(records);
        }
    }

    /** One record read back: translated, or not translatable and why. */
    sealed interface ReadRecord {
        SequenceNumber sequenceNumber();

        record Decoded(ChangeRecord record) implements ReadRecord {
            public Decoded {
                if (record == null) {
                    throw new IllegalArgumentException("a decoded record carries its change record");
                }
            }

            @Override
            public SequenceNumber sequenceNumber() {
                return record.sequenceNumber();
            }
        }

        record Undecodable(SequenceNumber sequenceNumber, String reason) implements ReadRecord {
            public Undecodable {
                if (sequenceNumber == null || reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("an undecodable record has a sequence number and a reason");
                }
            }
        }
    }
}
