package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.policy.PolicyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A restore job as it stands: its request, state, counts and the outcome of each item. At most
 * {@link #MAX_KEPT_OUTCOMES} outcomes are kept (the counts cover all); {@code outcomesDropped}
 * says how many more there were.
 */
public record RestoreJob(RestoreJobId id, RestoreArchivedItemsUseCase.RestoreCommand command, PolicyId policyId,
                         RestoreJobState state, Instant createdAt, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                         RestoreCounts counts, List<ItemOutcome> outcomes, long outcomesDropped, Optional<String> abortReason) {

    public static final int MAX_KEPT_OUTCOMES = 10_000;

    public RestoreJob {
        if (id == null || command == null || policyId == null || state == null || createdAt == null || startedAt == null
                || finishedAt == null || counts == null || outcomes == null || abortReason == null) {
            throw new IllegalArgumentException("every field of a restore job is required (Optional.empty() where absent)");
        }
        outcomes = List.copyOf(outcomes);
        if (outcomes.size() > MAX_KEPT_OUTCOMES) {
            throw new IllegalArgumentException("a job keeps at most " + MAX_KEPT_OUTCOMES + " outcomes");
        }
        if (state == RestoreJobState.ABORTED && abortReason.isEmpty()) {
            throw new IllegalArgumentException("an aborted job says why");
        }
    }

    public static RestoreJob queued(RestoreJobId id, RestoreArchivedItemsUseCase.RestoreCommand command, PolicyId policyId,
                                    Instant at) {
        return new RestoreJob(id, command, policyId, RestoreJobState.QUEUED, at, Optional.empty(), Optional.empty(),
                RestoreCounts.none(), List.of(), 0, Optional.empty());
    }
}
