package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.policy.PolicyId;

/** A TTL audit of the policy's table is already running in this process: a second one would double the load on the table. */
public class TtlAuditInProgressException extends RuntimeException {

    private final PolicyId policy;

    public TtlAuditInProgressException(PolicyId policy) {
        super("a TTL audit of policy '" + policy + "' is already running: read its report with GET when it ends");
        this.policy = policy;
    }

    public PolicyId policy() {
        return policy;
    }
}
