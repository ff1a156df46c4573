package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.util.List;

/** What must change on AWS for one version of a policy, in the order TTL, STREAM, LIFECYCLE_RULE, OBJECT_LOCK. */
public record ConfigurationPlan(PolicyId policy, PolicyVersion version, List<PlannedChange> changes) {

    public ConfigurationPlan {
        if (policy == null || version == null || changes == null) {
            throw new IllegalArgumentException("a plan needs a policy, a version and a list of changes (maybe empty)");
        }
        changes = List.copyOf(changes);
    }

    /** True when AWS already has everything the policy needs. */
    public boolean upToDate() {
        return changes.isEmpty();
    }
}
