package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.stream.DeletionCause;

/**
 * The cause a ledger counts a delivery under: the removal's {@link DeletionCause}, or one of two
 * causes for deliveries that are not removals or whose cause cannot be told.
 */
public enum LedgerCause {
    /** Removed by DynamoDB's TTL sweeper. */
    TTL,
    /** Removed without the service identity after its TTL had passed. */
    EXPIRED,
    /** Removed by a caller. */
    USER,
    /** An INSERT or MODIFY that reached the processor (the event filter should keep them out): always skipped. */
    NOT_A_REMOVAL,
    /**
     * A delivery whose cause is unknown: an undecodable record, or a removal without the service
     * identity while the table's policy (and so its TTL attribute) could not be read, which leaves
     * EXPIRED and USER apart.
     */
    UNKNOWN;

    public static LedgerCause of(DeletionCause cause) {
        return switch (cause) {
            case TTL -> TTL;
            case EXPIRED -> EXPIRED;
            case USER -> USER;
        };
    }
}
