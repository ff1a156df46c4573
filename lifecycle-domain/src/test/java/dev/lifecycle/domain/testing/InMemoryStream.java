package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.ReadStreamPort;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stream shards in memory, with a trim horizon: {@link #trimThrough} plays records aging out
 * (24 hours), after which a read from before the horizon is marked trimmed. Can be told to fail
 * reads, or to return only part of a range.
 */
public final class InMemoryStream implements ReadStreamPort {

    private final Map<String, Shard> shards = new ConcurrentHashMap<>();
    private volatile RuntimeException readFailure;
    private volatile Optional<SequenceNumber> cutOffAfter = Optional.empty();

    private static final class Shard {
        final TreeMap<SequenceNumber, ReadRecord> records = new TreeMap<>();
        SequenceNumber trimmedThrough;
    }

    public void append(String streamArn, String shardId, ChangeRecord record) {
        shard(streamArn, shardId).records.put(record.sequenceNumber(), new ReadRecord.Decoded(record));
    }

    public void appendUndecodable(String streamArn, String shardId, SequenceNumber sequenceNumber, String reason) {
        shard(streamArn, shardId).records.put(sequenceNumber, new ReadRecord.Undecodable(sequenceNumber, reason));
    }

    /** Ages out every record of the shard up to and including {@code sequenceNumber}. */
    public synchronized void trimThrough(String streamArn, String shardId, SequenceNumber sequenceNumber) {
        Shard shard = shard(streamArn, shardId);
        shard.records.headMap(sequenceNumber, true).clear();
        shard.trimmedThrough = sequenceNumber;
    }

    public void failReads(RuntimeException failure) {
        readFailure = failure;
    }

    /** Reads return nothing after {@code sequenceNumber}, like a reader that gave up early. */
    public void cutOffAfter(SequenceNumber sequenceNumber) {
        cutOffAfter = Optional.of(sequenceNumber);
    }

    @Override
    public synchronized StreamSlice read(String streamArn, String shardId, SequenceNumber from, SequenceNumber to) {
        if (readFailure != null) {
            throw readFailure;
        }
        Shard shard = shards.get(streamArn + "|" + shardId);
        if (shard == null) {
            throw new DependencyFailureException("DynamoDB Streams", false, "no shard " + shardId + " in " + streamArn, null);
        }
        SequenceNumber last = cutOffAfter.filter(c -> c.compareTo(to) < 0).orElse(to);
        List<ReadRecord> records = new ArrayList<>(shard.records.subMap(from, true, last, true).values());
        boolean trimmed = shard.trimmedThrough != null && from.compareTo(shard.trimmedThrough) <= 0;
        return new StreamSlice(records, trimmed);
    }

    private Shard shard(String streamArn, String shardId) {
        return shards.computeIfAbsent(streamArn + "|" + shardId, k -> new Shard());
    }
}
