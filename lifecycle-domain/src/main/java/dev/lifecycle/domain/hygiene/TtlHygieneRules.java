package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.expiry.TtlReading;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.AttributeName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The rules of a TTL hygiene audit, as pure functions: what an item's TTL means, what to read, when to stop. */
public final class TtlHygieneRules {

    private TtlHygieneRules() {
    }

    /**
     * The verdict on one item's TTL at {@code now}: a never-expiring value is flagged with its
     * {@link dev.lifecycle.domain.expiry.TtlFinding}; a TTL that passed more than five years ago with
     * {@link TtlAuditFinding#BEYOND_SWEEP_HORIZON}; one that passed longer ago than {@code sweepGrace}
     * with {@link TtlAuditFinding#EXPIRED_NOT_SWEPT}; anything else is healthy.
     */
    public static TtlVerdict judge(Item item, AttributeName ttlAttribute, Instant now, Duration sweepGrace) {
        TtlReading reading = TtlReading.read(item, ttlAttribute.value());
        if (reading instanceof TtlReading.NeverExpires never) {
            return new TtlVerdict.Flagged(TtlAuditFinding.of(never.finding()), never.finding().describe());
        }
        TtlReading.Expiring expiring = (TtlReading.Expiring) reading;
        if (expiring.beyondSweepHorizon(now)) {
            return new TtlVerdict.Flagged(TtlAuditFinding.BEYOND_SWEEP_HORIZON, "attribute '" + ttlAttribute + "' expired at "
                    + expiring.expiresAt() + ", more than five years ago: DynamoDB never deletes it");
        }
        if (overdueForSweep(expiring, now, sweepGrace)) {
            return new TtlVerdict.Flagged(TtlAuditFinding.EXPIRED_NOT_SWEPT, "attribute '" + ttlAttribute + "' expired at "
                    + expiring.expiresAt() + ", " + Duration.between(expiring.expiresAt(), now).toHours() + " hours ago, and the item"
                    + " is still there");
        }
        return new TtlVerdict.Healthy(expiring.expiresAt());
    }

    /** DynamoDB sweeps expired items within about 48 hours: one expired longer ago than the grace is overdue. */
    public static boolean overdueForSweep(TtlReading.Expiring expiring, Instant now, Duration sweepGrace) {
        return expiring.expiresAt().isBefore(now.minus(sweepGrace));
    }

    /** What the scan reads of each item: its key attributes and the TTL attribute, nothing else. */
    public static List<String> projection(KeySchema keySchema, AttributeName ttlAttribute) {
        List<String> attributes = new ArrayList<>();
        attributes.add(keySchema.partitionKeyName());
        keySchema.sortKeyName().ifPresent(attributes::add);
        if (!attributes.contains(ttlAttribute.value())) {
            attributes.add(ttlAttribute.value());
        }
        return attributes;
    }

    /** Why the scan must stop before reading another page, if it must: the item bound first, then the time budget. */
    public static Optional<StopReason> stopBeforeNextPage(long itemsScanned, long maxItems, Duration elapsed, Duration timeBudget) {
        if (itemsScanned >= maxItems) {
            return Optional.of(StopReason.ITEM_LIMIT);
        }
        if (elapsed.compareTo(timeBudget) >= 0) {
            return Optional.of(StopReason.TIME_BUDGET);
        }
        return Optional.empty();
    }

    /** The Limit of the next page: the page size, or fewer, so that the scan never reads past its item bound. */
    public static int nextPageLimit(int pageSize, long maxItems, long itemsScanned) {
        long left = maxItems - itemsScanned;
        if (left < 1) {
            throw new IllegalArgumentException("no items left to read: " + itemsScanned + " of at most " + maxItems + " read");
        }
        return (int) Math.min(pageSize, left);
    }

    /**
     * The capacity permits a page costs, in half read units (an eventually consistent read of 4 KB,
     * DynamoDB's smallest read charge), rounded up; 0 when the store reported nothing.
     */
    public static int halfUnits(double readUnits) {
        if (!(readUnits >= 0)) {
            throw new IllegalArgumentException("read units must be 0 or more, was " + readUnits);
        }
        return (int) Math.min(Integer.MAX_VALUE, Math.ceil(readUnits * 2));
    }
}
