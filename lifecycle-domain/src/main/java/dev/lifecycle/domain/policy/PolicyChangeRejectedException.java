package dev.lifecycle.domain.policy;

import java.util.List;

/** A change or deletion broke a policy change rule (most often: the policy is locked). */
public class PolicyChangeRejectedException extends RuntimeException {

    private final PolicyId id;
    private final List<Violation> violations;

    public PolicyChangeRejectedException(PolicyId id, List<Violation> violations) {
        super("change to policy '" + id + "' rejected: " + violations);
        this.id = id;
        this.violations = List.copyOf(violations);
    }

    public PolicyId id() {
        return id;
    }

    public List<Violation> violations() {
        return violations;
    }
}
