package dev.lifecycle.domain.archive;

/** What happened when an archive object was written. */
public sealed interface StoreOutcome {

    /** Written now. */
    record Stored() implements StoreOutcome {
    }

    /** The same content was already there (a retry): nothing changed, nothing lost. */
    record AlreadyStored() implements StoreOutcome {
    }

    /** Not written. A retryable failure may succeed later; a permanent one will not. */
    record Failed(boolean retryable, String reason) implements StoreOutcome {
        public Failed {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure says why");
            }
        }
    }
}
