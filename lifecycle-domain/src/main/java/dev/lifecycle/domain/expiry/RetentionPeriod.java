package dev.lifecycle.domain.expiry;

import java.time.Duration;

/** How long a live item lives, counted from its clock start. Whole seconds, at most 100 years. */
public record RetentionPeriod(Duration duration) implements Comparable<RetentionPeriod> {

    public static final Duration MAXIMUM = Duration.ofDays(36_500);

    public RetentionPeriod {
        if (duration == null) {
            throw new IllegalArgumentException("retention must not be null");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("retention must be positive, was " + duration);
        }
        if (duration.getNano() != 0) {
            throw new IllegalArgumentException("retention must be whole seconds (TTL has second precision), was " + duration);
        }
        if (duration.compareTo(MAXIMUM) > 0) {
            throw new IllegalArgumentException("retention must be at most 36500 days, was " + duration.toDays() + " days");
        }
    }

    public static RetentionPeriod ofDays(long days) {
        return new RetentionPeriod(Duration.ofDays(days));
    }

    public static RetentionPeriod ofHours(long hours) {
        return new RetentionPeriod(Duration.ofHours(hours));
    }

    public static RetentionPeriod ofSeconds(long seconds) {
        return new RetentionPeriod(Duration.ofSeconds(seconds));
    }

    /** Parses ISO-8601 durations such as {@code P30D} or {@code PT12H}. */
    public static RetentionPeriod parse(String iso8601) {
        try {
            return new RetentionPeriod(Duration.parse(iso8601));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("retention '" + iso8601 + "' is not an ISO-8601 duration such as P30D or PT12H", e);
        }
    }

    /** The expiry of an item whose clock started at {@code clockStart}. */
    public ExpiryTime expiryFrom(java.time.Instant clockStart) {
        return ExpiryTime.notBefore(clockStart.plus(duration));
    }

    @Override
    public int compareTo(RetentionPeriod other) {
        return duration.compareTo(other.duration);
    }

    /** ISO-8601, in days when the period is whole days ({@code P30D}, not {@code PT720H}), as people write it. */
    @Override
    public String toString() {
        long seconds = duration.getSeconds();
        return seconds % 86_400 == 0 ? "P" + seconds / 86_400 + "D" : duration.toString();
    }
}
