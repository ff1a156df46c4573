package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchiveBatch;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.BatchIndex;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.archive.StoreArchivePort;
import dev.lifecycle.domain.archive.StoreOutcome;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.failure.DependencyFailureException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The archive store in memory: never overwrites different content, lists keys in order a page at a
 * time like S3, and can be told to fail the writes of chosen sequence numbers, or every read, for
 * tests of failure handling.
 */
public final class InMemoryArchiveStore implements StoreArchivePort, ReadArchivePort {

    private final Map<ArchiveLocation, ArchiveEntry> objects = new ConcurrentHashMap<>();
    private final Map<ArchiveLocation, ArchiveBatch> batches = new ConcurrentHashMap<>();
    private final Map<ArchiveLocation, BatchIndex> indexes = new ConcurrentHashMap<>();
    private final AtomicBoolean failingIndexWrites = new AtomicBoolean();
    private final Set<String> failingSequenceNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger listings = new AtomicInteger();
    private final AtomicBoolean failingReads = new AtomicBoolean();

    @Override
    public StoreOutcome store(ArchivalDecision.Archive archive) {
        writes.incrementAndGet();
        if (failingSequenceNumbers.contains(archive.entry().sequenceNumber().value())) {
            return new StoreOutcome.Failed(true, "injected failure (503 Slow Down)");
        }
        ArchiveEntry existing = objects.putIfAbsent(archive.location(), archive.entry());
        if (existing == null) {
            return new StoreOutcome.Stored();
        }
        return existing.contentSha256().equals(archive.entry().contentSha256())
                ? new StoreOutcome.AlreadyStored()
                : new StoreOutcome.Failed(false, "different content exists at " + archive.location());
    }

    /** Keeps the batch and an index whose slot offsets are entry positions; fails like S3 would, index after data. */
    @Override
    public StoreOutcome storeBatch(ArchiveBatch batch) {
        writes.incrementAndGet();
        if (batch.entries().stream().anyMatch(entry -> failingSequenceNumbers.contains(entry.sequenceNumber().value()))) {
            return new StoreOutcome.Failed(true, "injected failure (503 Slow Down)");
        }
        ArchiveBatch existing = batches.putIfAbsent(batch.data(), batch);
        if (existing != null && !existing.contentSha256().equals(batch.contentSha256())) {
            return new StoreOutcome.Failed(false, "different content exists at " + batch.data());
        }
        if (failingIndexWrites.get()) {
            return new StoreOutcome.Failed(true, "injected index write failure (503 Slow Down)");
        }
        java.util.List<BatchIndex.Entry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < batch.entries().size(); i++) {
            ArchiveEntry entry = batch.entries().get(i);
            entries.add(new BatchIndex.Entry(KeyToken.encode(entry.key()), entry.sequenceNumber(), entry.contentSha256(),
                    new BatchIndex.Slot(i, 1, 0)));
        }
        BatchIndex previous = indexes.putIfAbsent(batch.index(), new BatchIndex(batch.data().key(), batch.table(), batch.day(),
                batch.cause(), batch.contentSha256(), entries));
        return existing == null || previous == null ? new StoreOutcome.Stored() : new StoreOutcome.AlreadyStored();
    }

    @Override
    public Optional<BatchIndex> readBatchIndex(ArchiveLocation index) {
        if (failingReads.get()) {
            throw new DependencyFailureException("s3", true, "injected read failure (503 Slow Down)", null);
        }
        return Optional.ofNullable(indexes.get(index));
    }

    @Override
    public Optional<ArchiveEntry> readBatchEntry(ArchiveLocation batch, BatchIndex.Slot slot) {
        if (failingReads.get()) {
            throw new DependencyFailureException("s3", true, "injected read failure (503 Slow Down)", null);
        }
        return Optional.ofNullable(batches.get(batch)).map(found -> found.entries().get((int) slot.offset()));
    }

    @Override
    public Optional<ArchiveEntry> read(ArchiveLocation location) {
        if (failingReads.get()) {
            throw new DependencyFailureException("s3", true, "injected read failure (503 Slow Down)", null);
        }
        return Optional.ofNullable(objects.get(location));
    }

    /** Lists like S3: keys in order, a page at a time; the continuation token is the last key of the page. */
    @Override
    public ArchivePage list(BucketName bucket, String keyPrefix, Optional<String> continuationToken, int limit) {
        if (failingReads.get()) {
            throw new DependencyFailureException("s3", true, "injected list failure (503 Slow Down)", null);
        }
        listings.incrementAndGet();
        List<ObjectKey> keys = allLocations().stream()
                .filter(location -> location.bucket().equals(bucket) && location.key().value().startsWith(keyPrefix))
                .map(ArchiveLocation::key)
                .filter(key -> continuationToken.isEmpty() || key.value().compareTo(continuationToken.get()) > 0)
                .sorted(Comparator.comparing(ObjectKey::value))
                .limit(limit + 1L)
                .toList();
        boolean more = keys.size() > limit;
        List<ObjectKey> page = more ? keys.subList(0, limit) : keys;
        return new ArchivePage(page, more ? Optional.of(page.get(page.size() - 1).value()) : Optional.empty());
    }

    @Override
    public List<String> listFolders(BucketName bucket, String keyPrefix) {
        if (failingReads.get()) {
            throw new DependencyFailureException("s3", true, "injected list failure (503 Slow Down)", null);
        }
        listings.incrementAndGet();
        return allLocations().stream()
                .filter(location -> location.bucket().equals(bucket) && location.key().value().startsWith(keyPrefix))
                .map(location -> location.key().value().substring(keyPrefix.length()))
                .filter(rest -> rest.indexOf('/') > 0)
                .map(rest -> keyPrefix + rest.substring(0, rest.indexOf('/') + 1))
                .distinct().sorted().toList();
    }

    private java.util.Set<ArchiveLocation> allLocations() {
        java.util.Set<ArchiveLocation> all = new java.util.HashSet<>(objects.keySet());
        all.addAll(batches.keySet());
        all.addAll(indexes.keySet());
        return all;
    }

    /** The batch objects written, by location. */
    public Map<ArchiveLocation, ArchiveBatch> batches() {
        return Map.copyOf(batches);
    }

    /** Removes a batch's index, as if its write had failed after the batch object's. */
    public void removeIndex(ArchiveLocation index) {
        indexes.remove(index);
    }

    /** Makes index writes fail (after their batch object is stored), or succeed again. */
    public void failIndexWrites(boolean fail) {
        failingIndexWrites.set(fail);
    }

    /** Puts an object as it is, for tests of content the processor would never write. */
    public void put(ArchiveLocation location, ArchiveEntry entry) {
        objects.put(location, entry);
    }

    public void remove(ArchiveLocation location) {
        objects.remove(location);
    }

    public void failReads(boolean fail) {
        failingReads.set(fail);
    }

    public int listings() {
        return listings.get();
    }

    public void failWritesOf(String sequenceNumber) {
        failingSequenceNumbers.add(sequenceNumber);
    }

    public void healAll() {
        failingSequenceNumbers.clear();
    }

    public Map<ArchiveLocation, ArchiveEntry> objects() {
        return Map.copyOf(objects);
    }

    public int writeAttempts() {
        return writes.get();
    }
}
