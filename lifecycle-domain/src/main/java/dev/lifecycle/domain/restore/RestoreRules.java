package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.expiry.TtlReading;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.Optional;

/**
 * The restore rule: never overwrite a live item (any live item with the key was written after the
 * deletion, so it is newer), and never put back an item whose TTL has passed.
 */
public final class RestoreRules {

    private RestoreRules() {
    }

    /**
     * @param live what the target table holds under the entry's key now
     */
    public static RestorePlan plan(ArchiveEntry entry, Optional<Item> live, TableName target, RetentionPolicy policy,
                                   TtlChoice choice, Instant now) {
        String ttl = policy.ttlAttribute().value();
        if (live.isPresent()) {
            boolean same = live.get().without(ttl).equals(entry.oldImage().without(ttl));
            return same
                    ? new RestorePlan.Skip(RestorePlan.Reason.ALREADY_RESTORED, "the live item equals the archived one")
                    : new RestorePlan.Skip(RestorePlan.Reason.NEWER_LIVE_ITEM,
                            "a live item with this key was written after the deletion at " + entry.deletedAt());
        }
        Item item = entry.oldImage();
        switch (choice) {
            case KEEP_ORIGINAL -> {
                if (TtlReading.read(item, ttl) instanceof TtlReading.Expiring expiring && expiring.expiredAt(now)) {
                    return new RestorePlan.Skip(RestorePlan.Reason.EXPIRED,
                            "its TTL passed at " + expiring.expiresAt() + "; restore with RESET_FROM_POLICY or REMOVE");
                }
            }
            case RESET_FROM_POLICY -> item = policy.retention().expiryFrom(now).stamp(item, ttl);
            case REMOVE -> item = item.without(ttl);
            default -> throw new IllegalStateException("unknown TTL choice " + choice);
        }
        return new RestorePlan.Put(target, entry.key(), item);
    }
}
