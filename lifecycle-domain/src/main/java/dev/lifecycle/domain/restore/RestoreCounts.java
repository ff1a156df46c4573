package dev.lifecycle.domain.restore;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** How many items a restore has restored, would restore (dry run), skipped by reason, and failed. */
public record RestoreCounts(int restored, int wouldRestore, Map<RestoreSkipReason, Integer> skipped, int failed) {

    public RestoreCounts {
        if (restored < 0 || wouldRestore < 0 || failed < 0 || skipped == null) {
            throw new IllegalArgumentException("restore counts are never negative");
        }
        EnumMap<RestoreSkipReason, Integer> copy = new EnumMap<>(RestoreSkipReason.class);
        copy.putAll(skipped);
        skipped = Collections.unmodifiableMap(copy);
    }

    public static RestoreCounts none() {
        return new RestoreCounts(0, 0, Map.of(), 0);
    }

    public RestoreCounts plus(ItemOutcome outcome) {
        if (outcome instanceof ItemOutcome.Restored) {
            return new RestoreCounts(restored + 1, wouldRestore, skipped, failed);
        }
        if (outcome instanceof ItemOutcome.WouldRestore) {
            return new RestoreCounts(restored, wouldRestore + 1, skipped, failed);
        }
        if (outcome instanceof ItemOutcome.Skipped skip) {
            EnumMap<RestoreSkipReason, Integer> more = new EnumMap<>(RestoreSkipReason.class);
            more.putAll(skipped);
            more.merge(skip.reason(), 1, Integer::sum);
            return new RestoreCounts(restored, wouldRestore, more, failed);
        }
        return new RestoreCounts(restored, wouldRestore, skipped, failed + 1);
    }

    public int skippedTotal() {
        return skipped.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int total() {
        return restored + wouldRestore + skippedTotal() + failed;
    }

    @Override
    public String toString() {
        return restored + " restored, " + (wouldRestore > 0 ? wouldRestore + " would be restored, " : "")
                + skippedTotal() + " skipped" + (skipped.isEmpty() ? "" : " " + skipped) + ", " + failed + " failed";
    }
}
