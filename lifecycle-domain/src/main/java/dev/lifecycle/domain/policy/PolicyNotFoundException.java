package dev.lifecycle.domain.policy;

/** No policy has the id asked for. */
public class PolicyNotFoundException extends RuntimeException {

    private final PolicyId id;

    public PolicyNotFoundException(PolicyId id) {
        super("policy '" + id + "' does not exist");
        this.id = id;
    }

    public PolicyId id() {
        return id;
    }
}
