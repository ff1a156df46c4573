package dev.lifecycle.domain.hold;

import java.time.Instant;

/** One rule's say on how long something must be kept or when it may go. */
public sealed interface RetentionClaim {

    /** A deletion rule: the archive expiry, an item's TTL. */
    record DeleteAfter(Instant at, String source) implements RetentionClaim {
        public DeleteAfter {
            requireInstantAndSource(at, source);
        }
    }

    /** A retention rule: an object lock, a retention period. Nothing may delete before {@code until}. */
    record RetainUntil(Instant until, String source) implements RetentionClaim {
        public RetainUntil {
            requireInstantAndSource(until, source);
        }
    }

    /** A legal hold: nothing may delete while it exists. */
    record Held(LegalHold hold) implements RetentionClaim {
        public Held {
            if (hold == null) {
                throw new IllegalArgumentException("a hold claim needs the hold");
            }
        }
    }

    private static void requireInstantAndSource(Instant instant, String source) {
        if (instant == null || source == null || source.isBlank()) {
            throw new IllegalArgumentException("a retention claim needs a time and a source");
        }
    }
}
