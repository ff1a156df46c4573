package dev.lifecycle.domain.ledger;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The ledger's counters for one (table, day, cause), or an increment of them.
 *
 * <p>{@code received}, {@code alreadyArchived}, {@code skipped} and {@code failed} count
 * <em>deliveries</em>: Lambda delivers at least once, so a retried record counts again each time.
 * {@code archived} counts <em>archive objects written</em>: a store that created the object
 * (never a duplicate that found it present), so it is the number of distinct objects the
 * processor put there. Every delivery ends as exactly one of archived, alreadyArchived, a skip
 * or failed, so {@code received} is their sum; {@code undecodable} is the part of {@code failed}
 * whose record could not even be read.
 */
public record LedgerCounts(long received, long archived, long alreadyArchived, Map<SkipKind, Long> skipped, long failed,
                           long undecodable) {

    public LedgerCounts {
        if (skipped == null) {
            throw new IllegalArgumentException("skipped must not be null");
        }
        EnumMap<SkipKind, Long> all = new EnumMap<>(SkipKind.class);
        for (SkipKind kind : SkipKind.values()) {
            Long count = skipped.get(kind);
            all.put(kind, count == null ? 0L : count);
        }
        skipped = Collections.unmodifiableMap(all);
        requireNotNegative("received", received);
        requireNotNegative("archived", archived);
        requireNotNegative("alreadyArchived", alreadyArchived);
        requireNotNegative("failed", failed);
        requireNotNegative("undecodable", undecodable);
        long skips = 0;
        for (Map.Entry<SkipKind, Long> entry : all.entrySet()) {
            requireNotNegative("skipped " + entry.getKey(), entry.getValue());
            skips += entry.getValue();
        }
        if (received != archived + alreadyArchived + skips + failed) {
            throw new IllegalArgumentException("received (" + received + ") must equal archived (" + archived + ") + alreadyArchived ("
                    + alreadyArchived + ") + skipped (" + skips + ") + failed (" + failed + ")");
        }
        if (undecodable > failed) {
            throw new IllegalArgumentException("undecodable (" + undecodable + ") is part of failed (" + failed + ") and cannot exceed it");
        }
    }

    public static LedgerCounts none() {
        return new LedgerCounts(0, 0, 0, Map.of(), 0, 0);
    }

    public static LedgerCounts oneArchived() {
        return new LedgerCounts(1, 1, 0, Map.of(), 0, 0);
    }

    public static LedgerCounts oneAlreadyArchived() {
        return new LedgerCounts(1, 0, 1, Map.of(), 0, 0);
    }

    public static LedgerCounts oneSkipped(SkipKind kind) {
        return new LedgerCounts(1, 0, 0, Map.of(kind, 1L), 0, 0);
    }

    public static LedgerCounts oneFailed() {
        return new LedgerCounts(1, 0, 0, Map.of(), 1, 0);
    }

    public static LedgerCounts oneUndecodable() {
        return new LedgerCounts(1, 0, 0, Map.of(), 1, 1);
    }

    public LedgerCounts plus(LedgerCounts other) {
        EnumMap<SkipKind, Long> skips = new EnumMap<>(SkipKind.class);
        for (SkipKind kind : SkipKind.values()) {
            skips.put(kind, skipped.get(kind) + other.skipped.get(kind));
        }
        return new LedgerCounts(received + other.received, archived + other.archived, alreadyArchived + other.alreadyArchived,
                skips, failed + other.failed, undecodable + other.undecodable);
    }

    public long skippedTotal() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long skipped(SkipKind kind) {
        return skipped.get(kind);
    }

    public boolean isEmpty() {
        return received == 0;
    }

    private static void requireNotNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must not be negative, was " + value);
        }
    }
}
