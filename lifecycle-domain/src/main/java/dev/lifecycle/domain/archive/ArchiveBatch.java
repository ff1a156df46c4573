package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.policy.ArchiveDestination;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One batched archive object to write: the entries of one Lambda batch that share a table, a UTC
 * day and a cause, in sequence-number order, with the index object that says where each one is.
 * Both keys come from the entries' sequence numbers ({@link ArchiveKeys#forBatch}), so a retry of
 * the same records writes the same keys. {@code contentSha256} is the SHA-256 of the entries'
 * content checksums, one per line in order: it identifies the content whatever the compression.
 */
public record ArchiveBatch(
        ArchiveLocation data,
        ArchiveLocation index,
        TableName table,
        LocalDate day,
        DeletionCause cause,
        List<ArchiveEntry> entries,
        Optional<ArchivalDecision.Retention> retention,
        String contentSha256) {

    /** The most entries one batch object holds: Lambda delivers at most 10,000 records a batch. */
    public static final int MAX_ENTRIES = 10_000;

    public ArchiveBatch {
        if (data == null || index == null || table == null || day == null || cause == null || entries == null
                || retention == null) {
            throw new IllegalArgumentException("a batch needs its locations, table, day, cause, entries and retention");
        }
        entries = List.copyOf(entries);
        if (entries.isEmpty() || entries.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_ENTRIES + " entries, not " + entries.size());
        }
        SequenceNumber previous = null;
        for (ArchiveEntry entry : entries) {
            if (!entry.table().equals(table) || entry.cause() != cause || !ArchiveKeys.utcDay(entry.deletedAt()).equals(day)) {
                throw new IllegalArgumentException("entry " + entry.sequenceNumber() + " is not of the batch's table, day and cause ("
                        + table + ", " + day + ", " + cause + ")");
            }
            if (previous != null && previous.compareTo(entry.sequenceNumber()) >= 0) {
                throw new IllegalArgumentException("a batch's entries are in strictly increasing sequence-number order");
            }
            previous = entry.sequenceNumber();
        }
        String computed = checksumOf(entries);
        if (contentSha256 == null) {
            contentSha256 = computed;
        } else if (!contentSha256.equals(computed)) {
            throw new IllegalArgumentException("batch checksum mismatch: stated " + contentSha256 + ", entries hash to " + computed);
        }
    }

    /**
     * The batch of these archive decisions (one table, day and cause, distinct sequence numbers,
     * in any order), written where the layout puts it; locked until the latest of their retention
     * dates when they are locked.
     */
    public static ArchiveBatch of(ArchiveDestination destination, List<ArchivalDecision.Archive> archives) {
        if (archives == null || archives.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one archive decision");
        }
        List<ArchivalDecision.Archive> sorted = new ArrayList<>(archives);
        sorted.sort(Comparator.comparing(archive -> archive.entry().sequenceNumber()));
        ArchiveEntry first = sorted.get(0).entry();
        LocalDate day = ArchiveKeys.utcDay(first.deletedAt());
        ArchiveKeys.BatchKeys keys = ArchiveKeys.forBatch(destination.prefix(), first.table(), day, first.cause(),
                sorted.stream().map(archive -> archive.entry().sequenceNumber()).toList());
        Optional<ArchivalDecision.Retention> retention = sorted.stream().map(ArchivalDecision.Archive::retention)
                .flatMap(Optional::stream).max(Comparator.comparing(ArchivalDecision.Retention::retainUntil));
        return new ArchiveBatch(new ArchiveLocation(destination.bucket(), keys.data()),
                new ArchiveLocation(destination.bucket(), keys.index()), first.table(), day, first.cause(), sorted.stream().map(ArchivalDecision.Archive::entry).toList(), retention, null);
    }

    /** Where one of the batch's entries is, as browse and restore name it. */
    public ArchiveLocation locationOf(ArchiveEntry entry) {
        return new ArchiveLocation(data.bucket(), ArchiveKeys.entryInBatch(data.key(), entry.key(), entry.sequenceNumber()));
    }

    /** The SHA-256 of the entries' content checksums, each followed by a newline. */
    public static String checksumOf(List<ArchiveEntry> entries) {
        StringBuilder lines = new StringBuilder(entries.size() * 65);
        for (ArchiveEntry entry : entries) {
            lines.append(entry.contentSha256()).append('\n');
        }
        return KeyToken.sha256Hex(lines);
    }
}
