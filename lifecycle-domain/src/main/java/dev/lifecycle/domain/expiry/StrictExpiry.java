package dev.lifecycle.domain.expiry;

import dev.lifecycle.domain.item.Item;
import java.time.Instant;
import java.util.List;

/**
 * Read-time expiry for applications: DynamoDB returns expired items until its sweeper deletes them
 * (often hours later), so a reader that must not see them checks {@code ttl <= now} itself.
 */
public final class StrictExpiry {

    private final String ttlAttribute;

    private StrictExpiry(String ttlAttribute) {
        if (ttlAttribute == null || ttlAttribute.isEmpty()) {
            throw new IllegalArgumentException("TTL attribute name must not be empty");
        }
        this.ttlAttribute = ttlAttribute;
    }

    public static StrictExpiry onAttribute(String ttlAttribute) {
        return new StrictExpiry(ttlAttribute);
    }

    /** True when the item's TTL is a valid epoch-seconds value at or before {@code now}. */
    public boolean expired(Item item, Instant now) {
        return TtlReading.read(item, ttlAttribute) instanceof TtlReading.Expiring expiring && expiring.expiredAt(now);
    }

    /** The items a strict reader may still see at {@code now}. */
    public List<Item> live(List<Item> items, Instant now) {
        return items.stream().filter(item -> !expired(item, now)).toList();
    }

    public String ttlAttribute() {
        return ttlAttribute;
    }
}
