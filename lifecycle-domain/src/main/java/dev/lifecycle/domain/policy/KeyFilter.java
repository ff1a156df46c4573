package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.item.ItemKey;

/** Limits a policy to items whose partition key starts with a prefix (see {@link ItemKey#partitionKeyStartsWith}). */
public record KeyFilter(String partitionKeyPrefix) {

    public KeyFilter {
        if (partitionKeyPrefix == null || partitionKeyPrefix.isEmpty()) {
            throw new IllegalArgumentException("key filter prefix must not be empty (omit the filter instead)");
        }
    }

    public boolean matches(ItemKey key) {
        return key.partitionKeyStartsWith(partitionKeyPrefix);
    }

    /** True when this filter lets through at least every key that {@code other} lets through. */
    public boolean coversAtLeast(KeyFilter other) {
        return other.partitionKeyPrefix.startsWith(partitionKeyPrefix);
    }
}
