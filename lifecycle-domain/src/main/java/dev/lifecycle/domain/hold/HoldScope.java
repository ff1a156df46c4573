package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.item.ItemKey;

/** What a hold covers within its table: one item, or every item whose partition key has a prefix. */
public sealed interface HoldScope {

    boolean covers(ItemKey key);

    /** Exactly one item. */
    record SingleItem(ItemKey key) implements HoldScope {
        public SingleItem {
            if (key == null) {
                throw new IllegalArgumentException("a single-item hold needs the item's key");
            }
        }

        @Override
        public boolean covers(ItemKey other) {
            return key.equals(other);
        }
    }

    /** Every item whose partition key starts with the prefix (see {@link ItemKey#partitionKeyStartsWith}). */
    record PartitionKeyPrefix(String prefix) implements HoldScope {
        public PartitionKeyPrefix {
            if (prefix == null || prefix.isEmpty()) {
                throw new IllegalArgumentException("a prefix hold needs a non-empty prefix");
            }
        }

        @Override
        public boolean covers(ItemKey key) {
            return key.partitionKeyStartsWith(prefix);
        }
    }
}
