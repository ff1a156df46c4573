package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The last comparison of a policy with AWS: IN_SYNC without differences, DRIFTED with them, or
 * UNKNOWN with the problem that stopped the comparison (a missing table or bucket, an AWS error).
 */
public record DriftReport(PolicyId policy, PolicyVersion version, Instant checkedAt, DriftState state,
                          List<PlannedChange> differences, Optional<String> problem) {

    public DriftReport {
        if (policy == null || version == null || checkedAt == null || state == null || differences == null || problem == null) {
            throw new IllegalArgumentException("a drift report needs policy, version, time, state, differences and problem"
                    + " (use an empty list and Optional.empty())");
        }
        differences = List.copyOf(differences);
        if (state == DriftState.UNKNOWN != problem.isPresent()) {
            throw new IllegalArgumentException("a drift report has a problem exactly when its state is UNKNOWN; state "
                    + state + ", problem " + problem);
        }
        if (state == DriftState.IN_SYNC && !differences.isEmpty()) {
            throw new IllegalArgumentException("an IN_SYNC drift report has no differences, had " + differences.size());
        }
        if (state == DriftState.DRIFTED && differences.isEmpty()) {
            throw new IllegalArgumentException("a DRIFTED drift report names at least one difference");
        }
        if (state == DriftState.UNKNOWN && !differences.isEmpty()) {
            throw new IllegalArgumentException("an UNKNOWN drift report has no differences, had " + differences.size());
        }
    }

    /** IN_SYNC when there are no differences, DRIFTED otherwise. */
    public static DriftReport compared(PolicyId policy, PolicyVersion version, Instant checkedAt, List<PlannedChange> differences) {
        return new DriftReport(policy, version, checkedAt, differences.isEmpty() ? DriftState.IN_SYNC : DriftState.DRIFTED,
                differences, Optional.empty());
    }

    /** The comparison failed for the reason given. */
    public static DriftReport unknown(PolicyId policy, PolicyVersion version, Instant checkedAt, String problem) {
        return new DriftReport(policy, version, checkedAt, DriftState.UNKNOWN, List.of(), Optional.of(problem));
    }
}
