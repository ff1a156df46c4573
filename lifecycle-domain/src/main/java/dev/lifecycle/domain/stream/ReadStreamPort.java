package dev.lifecycle.domain.stream;

import java.util.List;

/** Reads records of a stream shard again, for replay. */
public interface ReadStreamPort {

    /** The records of the shard between two sequence numbers, inclusive. */
    StreamSlice read(String streamArn, String shardId, SequenceNumber from, SequenceNumber to);

    /**
     * Records read back, and whether the stream still held the start of the range: when
     * {@code trimmed} is true, records before the first one returned had aged out (24 hours) and
     * are lost to replay.
     */
    record StreamSlice(List<ChangeRecord> records, boolean trimmed) {
        public StreamSlice {
            records = List.copyOf(records);
        }
    }
}
