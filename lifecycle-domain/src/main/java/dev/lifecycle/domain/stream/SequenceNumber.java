package dev.lifecycle.domain.stream;

import java.math.BigInteger;
import java.util.regex.Pattern;

/** A stream record's sequence number: up to 40 decimal digits, ordered numerically within a shard. */
public record SequenceNumber(String value) implements Comparable<SequenceNumber> {

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,40}");

    public SequenceNumber {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("sequence number '" + value + "' must be 1 to 40 decimal digits");
        }
    }

    public static SequenceNumber of(String value) {
        return new SequenceNumber(value);
    }

    @Override
    public int compareTo(SequenceNumber other) {
        return new BigInteger(value).compareTo(new BigInteger(other.value));
    }

    /**
     * The number without leading zeros: the one text numerically equal sequence numbers share, used
     * wherever the number names something (object keys, checksums). {@link #value()} stays as the
     * stream gave it, since a batch item failure must name the record exactly as Lambda sent it.
     */
    public String canonical() {
        int i = 0;
        while (i < value.length() - 1 && value.charAt(i) == '0') {
            i++;
        }
        return value.substring(i);
    }

    /** Numeric, like the ordering: {@code 010} and {@code 10} are the same position in a shard. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceNumber other && compareTo(other) == 0;
    }

    @Override
    public int hashCode() {
        return new BigInteger(value).hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
