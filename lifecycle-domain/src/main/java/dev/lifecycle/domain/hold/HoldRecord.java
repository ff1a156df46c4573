package dev.lifecycle.domain.hold;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A legal hold as the platform keeps it: the hold, its state, how far back its archive objects
 * carry an S3 legal hold ({@code archivesHeldThrough}: every day up to and including it has been
 * swept), the last enforcement problem, and who released it.
 */
public record HoldRecord(LegalHold hold, HoldState state, Optional<LocalDate> archivesHeldThrough, Optional<String> problem,
                         Optional<Instant> releasedAt, Optional<String> releasedBy) {

    public HoldRecord {
        if (hold == null || state == null || archivesHeldThrough == null || problem == null || releasedAt == null
                || releasedBy == null) {
            throw new IllegalArgumentException("a hold record needs hold and state (Optional.empty() where absent)");
        }
        if (state == HoldState.RELEASING && (releasedAt.isEmpty() || releasedBy.isEmpty())) {
            throw new IllegalArgumentException("a released hold says when and by whom");
        }
    }

    public static HoldRecord placed(LegalHold hold) {
        return new HoldRecord(hold, HoldState.ACTIVE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public HoldId id() {
        return hold.id();
    }

    public HoldRecord sweptThrough(LocalDate day) {
        return new HoldRecord(hold, state, Optional.of(day), problem, releasedAt, releasedBy);
    }

    public HoldRecord withProblem(Optional<String> newProblem) {
        return new HoldRecord(hold, state, archivesHeldThrough, newProblem, releasedAt, releasedBy);
    }

    public HoldRecord released(Instant at, String by) {
        return new HoldRecord(hold, HoldState.RELEASING, archivesHeldThrough, problem, Optional.of(at), Optional.of(by));
    }
}
