package dev.lifecycle.domain.hold;

import java.time.Instant;
import java.util.List;

/** What the rules together decide about something's deletion. */
public sealed interface EffectiveRetention {

    /** One or more legal holds apply: kept, with no end date. */
    record HeldIndefinitely(List<LegalHold> holds) implements EffectiveRetention {
        public HeldIndefinitely {
            holds = List.copyOf(holds);
        }
    }

    /** No rule ever deletes it. */
    record RetainedIndefinitely() implements EffectiveRetention {
    }

    /** It may be deleted from {@code from}, the latest of all claims, set by {@code decidedBy}. */
    record DeletableFrom(Instant from, String decidedBy) implements EffectiveRetention {
    }
}
