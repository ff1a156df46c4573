package dev.lifecycle.domain.stream;

/** The outcome of classifying a change record: a removal with its cause, or not a removal at all. */
public sealed interface RemovalClassification {

    /** The record removed an item, for this cause. */
    record Removal(DeletionCause cause) implements RemovalClassification {
        public Removal {
            if (cause == null) {
                throw new IllegalArgumentException("cause must not be null");
            }
        }
    }

    /** An INSERT or MODIFY: nothing left the table. */
    record NotARemoval(EventName eventName) implements RemovalClassification {
    }
}
