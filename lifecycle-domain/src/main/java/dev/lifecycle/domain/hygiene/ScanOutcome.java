package dev.lifecycle.domain.hygiene;

/** How an audit's scan ended: it read the whole table, it stopped at a bound, or the table could not be read. */
public sealed interface ScanOutcome {

    /** Every item of the table was read. */
    record Complete() implements ScanOutcome {
    }

    /** The scan stopped at a bound; the counts cover the items read until then. */
    record Stopped(StopReason reason) implements ScanOutcome {
        public Stopped {
            if (reason == null) {
                throw new IllegalArgumentException("a stopped scan names its reason");
            }
        }
    }

    /** The table is missing or the store failed; the counts cover the items read until then. */
    record Failed(String problem) implements ScanOutcome {
        public Failed {
            if (problem == null || problem.isBlank()) {
                throw new IllegalArgumentException("a failed scan names its problem");
            }
        }
    }

    static ScanOutcome complete() {
        return new Complete();
    }

    default boolean isComplete() {
        return this instanceof Complete;
    }
}
