package dev.lifecycle.domain.expiry;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What an item's TTL attribute means to DynamoDB: an expiry time in epoch seconds, or a finding
 * that explains why the item will never expire.
 */
public sealed interface TtlReading {

    /**
     * DynamoDB does not delete items whose TTL lies more than five years in the past
     * (it treats such values as a mistake).
     */
    Duration SWEEP_HORIZON = Duration.ofDays(5 * 365);

    /** Seconds at or beyond this (year 5138) are taken for a finer unit. */
    BigDecimal SECONDS_LIMIT = new BigDecimal("1E11");
    BigDecimal MILLIS_LIMIT = new BigDecimal("1E14");
    BigDecimal MICROS_LIMIT = new BigDecimal("1E17");
    BigDecimal NANOS_LIMIT = new BigDecimal("1E20");

    /** The TTL is a usable epoch-seconds value. */
    record Expiring(Instant expiresAt) implements TtlReading {
        public Expiring {
            if (expiresAt == null) {
                throw new IllegalArgumentException("expiresAt must not be null");
            }
        }

        /** Strict: an item is expired from the very second its TTL names. */
        public boolean expiredAt(Instant now) {
            return !expiresAt.isAfter(now);
        }

        /** True when DynamoDB's sweeper will never delete it: the TTL is more than five years old. */
        public boolean beyondSweepHorizon(Instant now) {
            return expiresAt.isBefore(now.minus(SWEEP_HORIZON));
        }
    }

    /** DynamoDB will never expire this item; the finding says why. */
    record NeverExpires(TtlFinding finding) implements TtlReading {
        public NeverExpires {
            if (finding == null) {
                throw new IllegalArgumentException("finding must not be null");
            }
        }
    }

    /** Reads the TTL attribute of an item as DynamoDB would. */
    static TtlReading read(Item item, String ttlAttribute) {
        if (ttlAttribute == null || ttlAttribute.isEmpty()) {
            throw new IllegalArgumentException("TTL attribute name must not be empty");
        }
        AttributeValue value = item.get(ttlAttribute).orElse(null);
        if (value == null) {
            return new NeverExpires(new TtlFinding.Missing(ttlAttribute));
        }
        if (value instanceof AttributeValue.S s) {
            return new NeverExpires(new TtlFinding.StringTyped(ttlAttribute, s.value()));
        }
        if (!(value instanceof AttributeValue.N n)) {
            return new NeverExpires(new TtlFinding.WrongType(ttlAttribute, value.type()));
        }
        return readNumber(ttlAttribute, n);
    }

    private static TtlReading readNumber(String attribute, AttributeValue.N n) {
        BigDecimal number = n.toBigDecimal();
        BigDecimal magnitude = number.abs();
        if (number.signum() < 0) {
            return magnitude.compareTo(SECONDS_LIMIT) < 0
                    ? new Expiring(instantOfSeconds(number))
                    : new NeverExpires(new TtlFinding.OutOfRange(attribute, n.value()));
        }
        if (magnitude.compareTo(SECONDS_LIMIT) < 0) {
            return new Expiring(instantOfSeconds(number));
        }
        if (magnitude.compareTo(MILLIS_LIMIT) < 0) {
            return new NeverExpires(new TtlFinding.Milliseconds(attribute, n.value(),
                    instantOfSeconds(number.movePointLeft(3))));
        }
        if (magnitude.compareTo(MICROS_LIMIT) < 0) {
            return new NeverExpires(new TtlFinding.Microseconds(attribute, n.value(),
                    instantOfSeconds(number.movePointLeft(6))));
        }
        if (magnitude.compareTo(NANOS_LIMIT) < 0) {
            return new NeverExpires(new TtlFinding.Nanoseconds(attribute, n.value(),
                    instantOfSeconds(number.movePointLeft(9))));
        }
        return new NeverExpires(new TtlFinding.OutOfRange(attribute, n.value()));
    }

    private static Instant instantOfSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
        int nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.FLOOR).intValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }
}
