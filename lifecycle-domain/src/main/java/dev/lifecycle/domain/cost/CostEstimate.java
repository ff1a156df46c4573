package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.ArchiveLayout;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.util.List;
import java.util.OptionalInt;

/**
 * What a policy would cost a month, month by month over the horizon, archived per item (as today)
 * and batched (planned), with what it assumed, how the processor would see the workload, how many
 * days each archive object is billed (empty: for ever), and notes that say what the figures leave
 * out or what the policy's tiers do not achieve.
 */
public record CostEstimate(PolicyId policyId, PolicyVersion policyVersion, ArchiveLayout policyLayout, CostAssumptions assumptions,
                           Throughput throughput, OptionalInt archiveLifetimeDays, LayoutEstimate perItem, LayoutEstimate batched,
                           List<String> notes) {

    public CostEstimate {
        notes = List.copyOf(notes);
    }

    /** Per item minus batched in month {@code month} (from 1): what batching would save. */
    public double savingIn(int month) {
        return perItem.month(month).total() - batched.month(month).total();
    }

    /** Per item minus batched over the whole horizon. */
    public double totalSaving() {
        return perItem.total().total() - batched.total().total();
    }
}
