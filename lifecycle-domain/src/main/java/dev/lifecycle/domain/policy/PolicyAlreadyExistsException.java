package dev.lifecycle.domain.policy;

/** A policy with this id exists already. */
public class PolicyAlreadyExistsException extends RuntimeException {

    private final PolicyId id;

    public PolicyAlreadyExistsException(PolicyId id) {
        super("policy '" + id + "' exists already");
        this.id = id;
    }

    public PolicyId id() {
        return id;
    }
}
