package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.item.ItemKey;
import java.util.List;

/** How many items showed one finding, and the keys of the first few of them. */
public record FindingTally(long count, List<ItemKey> samples) {

    public FindingTally {
        if (samples == null) {
            throw new IllegalArgumentException("a finding tally needs its samples (use an empty list)");
        }
        samples = List.copyOf(samples);
        if (count < 1) {
            throw new IllegalArgumentException("a finding tally counts at least 1 item, was " + count);
        }
        if (samples.size() > count) {
            throw new IllegalArgumentException("a finding tally has at most " + count + " samples, had " + samples.size());
        }
    }
}
