package dev.lifecycle.domain.policy;

/** The caller changed a version of a policy that is no longer current. */
public class PolicyVersionConflictException extends RuntimeException {

    private final PolicyId id;
    private final PolicyVersion expected;
    private final PolicyVersion actual;

    public PolicyVersionConflictException(PolicyId id, PolicyVersion expected, PolicyVersion actual) {
        super("policy '" + id + "' is at version " + actual + ", not " + expected);
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    public PolicyId id() {
        return id;
    }

    public PolicyVersion expected() {
        return expected;
    }

    public PolicyVersion actual() {
        return actual;
    }
}
