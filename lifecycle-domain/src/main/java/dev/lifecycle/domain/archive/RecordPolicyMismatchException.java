package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.stream.SequenceNumber;

/**
 * A record cannot be judged by the policy given for it: another table, or keys that do not fit
 * the policy's key schema. Retrying will not help; the record must reach the failure queue.
 */
public class RecordPolicyMismatchException extends RuntimeException {

    private final SequenceNumber sequenceNumber;

    public RecordPolicyMismatchException(SequenceNumber sequenceNumber, String reason) {
        super("record " + sequenceNumber + ": " + reason);
        this.sequenceNumber = sequenceNumber;
    }

    public SequenceNumber sequenceNumber() {
        return sequenceNumber;
    }
}
