package dev.lifecycle.domain.replay;

import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the records read back for one failed batch: {@code recovered} archived now,
 * {@code alreadyPresent} found archived with the same content, {@code skipped} by the policy's rules
 * (by reason; inserts and updates in the range are skipped as not removals), {@code failed} again.
 */
public record RecordCounts(int read, int recovered, int alreadyPresent, int skipped, int failed, Map<String, Integer> skipReasons) {

    public RecordCounts {
        if (read < 0 || recovered < 0 || alreadyPresent < 0 || skipped < 0 || failed < 0) {
            throw new IllegalArgumentException("record counts are never negative");
        }
        if (recovered + alreadyPresent + skipped + failed != read) {
            throw new IllegalArgumentException("every record read has one outcome: " + read + " read but " + recovered
                    + " recovered + " + alreadyPresent + " already present + " + skipped + " skipped + " + failed + " failed");
        }
        skipReasons = Map.copyOf(new TreeMap<>(skipReasons));
    }

    public static RecordCounts none() {
        return new RecordCounts(0, 0, 0, 0, 0, Map.of());
    }
}
