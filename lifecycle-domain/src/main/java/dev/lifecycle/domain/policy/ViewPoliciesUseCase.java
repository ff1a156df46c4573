package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

/** Reads policies and their audit history. */
public interface ViewPoliciesUseCase {

    /** The largest page {@link #list} serves. */
    int MAX_PAGE_SIZE = 100;

    Optional<RetentionPolicy> find(PolicyId id);

    /** Policies in id order after {@code after}; {@code limit} is 1 to {@link #MAX_PAGE_SIZE}. */
    LoadPolicyPort.PolicyPage list(Optional<PolicyId> after, int limit);

    /**
     * Every audited change of the policy, oldest first; a deleted policy keeps its history.
     *
     * @throws PolicyNotFoundException when the policy neither exists nor ever existed
     */
    List<AuditRecord> history(PolicyId id);
}
