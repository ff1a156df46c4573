package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.StoreArchivePort;
import dev.lifecycle.domain.archive.StoreOutcome;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The archive store in memory: never overwrites different content, and can be told to fail the
 * writes of chosen sequence numbers, for tests of failure handling.
 */
public final class InMemoryArchiveStore implements StoreArchivePort {

    private final Map<ArchiveLocation, ArchiveEntry> objects = new ConcurrentHashMap<>();
    private final Set<String> failingSequenceNumbers = ConcurrentHashMap.newKeySet();
    private final AtomicInteger writes = new AtomicInteger();

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
