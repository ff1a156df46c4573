package dev.lifecycle.domain.apply;

import java.util.List;

/** The plan apply worked from and one result per planned change, in the plan's order. */
public record ApplyResult(ConfigurationPlan plan, List<ChangeResult> results) {

    public ApplyResult {
        if (plan == null || results == null) {
            throw new IllegalArgumentException("an apply result needs the plan and the results");
        }
        results = List.copyOf(results);
        if (results.size() != plan.changes().size()) {
            throw new IllegalArgumentException("one result per planned change: " + plan.changes().size()
                    + " changes, " + results.size() + " results");
        }
        for (int i = 0; i < results.size(); i++) {
            if (!results.get(i).change().equals(plan.changes().get(i))) {
                throw new IllegalArgumentException("result " + i + " is not for change " + i + " of the plan");
            }
        }
    }

    /** True when every change was APPLIED (or there were none). */
    public boolean complete() {
        return results.stream().allMatch(result -> result.status() == ChangeStatus.APPLIED);
    }
}
