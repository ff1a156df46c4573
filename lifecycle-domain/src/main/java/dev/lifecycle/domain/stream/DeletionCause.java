package dev.lifecycle.domain.stream;

/** Why an item left its table. */
public enum DeletionCause {
    /** Deleted by DynamoDB's TTL sweeper: the record carries the service identity. */
    TTL,
    /**
     * Deleted without the service identity, though its TTL had already passed: a sweeper of one's
     * own, a replica Region of a global table, or an emulator that does not mark TTL deletions.
     */
    EXPIRED,
    /** Deleted by a caller before its TTL passed, or an item without a TTL. */
    USER
}
