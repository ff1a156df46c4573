package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.policy.PolicyId;
import java.util.Optional;

/** Keeps the last TTL audit report of each policy (one per policy; a save replaces the previous one). */
public interface TtlAuditReportPort {

    void save(TtlAuditReport report);

    Optional<TtlAuditReport> find(PolicyId policy);

    /** Forgets the policy's report; nothing happens when there is none. */
    void delete(PolicyId policy);
}
