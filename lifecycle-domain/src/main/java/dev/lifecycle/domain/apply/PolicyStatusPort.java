package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;
import java.util.Optional;

/** Keeps the last drift report of each policy (one per policy; a save replaces the previous one). */
public interface PolicyStatusPort {

    void save(DriftReport report);

    Optional<DriftReport> find(PolicyId policy);

    /** Forgets the policy's report; nothing happens when there is none. */
    void delete(PolicyId policy);
}
