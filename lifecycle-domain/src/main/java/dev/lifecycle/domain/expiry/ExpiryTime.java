package dev.lifecycle.domain.expiry;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.time.Instant;

/** A TTL value: whole epoch seconds, as DynamoDB expects in the TTL attribute. */
public record ExpiryTime(long epochSeconds) implements Comparable<ExpiryTime> {

    public ExpiryTime {
        if (epochSeconds < 0) {
            throw new IllegalArgumentException("expiry must not be before 1970, was " + epochSeconds);
        }
        if (epochSeconds >= TtlReading.SECONDS_LIMIT.longValueExact()) {
            throw new IllegalArgumentException("expiry " + epochSeconds + " is not epoch seconds (too large)");
        }
    }

    public static ExpiryTime ofEpochSeconds(long epochSeconds) {
        return new ExpiryTime(epochSeconds);
    }

    /** The first whole second at or after {@code instant}: an item never expires early for rounding. */
    public static ExpiryTime notBefore(Instant instant) {
        long seconds = instant.getEpochSecond();
        return new ExpiryTime(instant.getNano() == 0 ? seconds : seconds + 1);
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(epochSeconds);
    }

    public AttributeValue.N toAttributeValue() {
        return AttributeValue.n(epochSeconds);
    }

    /** The item with its TTL attribute set to this expiry. */
    public Item stamp(Item item, String ttlAttribute) {
        return item.with(ttlAttribute, toAttributeValue());
    }

    @Override
    public int compareTo(ExpiryTime other) {
        return Long.compare(epochSeconds, other.epochSeconds);
    }
}
