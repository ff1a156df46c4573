package dev.lifecycle.domain.policy;

import java.util.List;

/** A policy was built from values that break its rules; every violation is listed. */
public class InvalidPolicyException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidPolicyException(List<Violation> violations) {
        super("invalid policy: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid policy has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
