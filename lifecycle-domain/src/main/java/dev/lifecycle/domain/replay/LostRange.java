package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.stream.SequenceNumber;
import java.util.Optional;

/**
 * The part of a failed batch's range that had aged out of the stream (24 hours) before the replay:
 * from {@code from} up to, not including, {@code until} (the first record the stream still held);
 * {@code until} is empty when the whole range had aged out. {@code missingRecords} is how many of
 * the batch's records were not found: its batch size less the removals read back.
 */
public record LostRange(SequenceNumber from, Optional<SequenceNumber> until, int missingRecords) {

    public LostRange {
        if (from == null || until == null) {
            throw new IllegalArgumentException("a lost range has a start, and an end or Optional.empty()");
        }
        if (until.isPresent() && until.get().compareTo(from) <= 0) {
            throw new IllegalArgumentException("lost range " + from + " until " + until.get() + " is empty or reversed");
        }
        if (missingRecords < 0) {
            throw new IllegalArgumentException("missingRecords must not be negative, was " + missingRecords);
        }
    }

    public String describe() {
        return missingRecords + " record(s) had aged out of the stream (24 hours) and are lost: sequence numbers from " + from
                + until.map(u -> " up to, not including, " + u).orElse(" to the end of the batch");
    }
}
