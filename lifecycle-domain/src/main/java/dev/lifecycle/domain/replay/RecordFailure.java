package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.stream.SequenceNumber;

/** One record that failed again during a replay, and why; {@code retryable} when a later replay may succeed. */
public record RecordFailure(SequenceNumber sequenceNumber, boolean retryable, String reason) {

    public RecordFailure {
        if (sequenceNumber == null || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a record failure names the record and the reason");
        }
    }
}
