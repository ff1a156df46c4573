package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.AuditRecord;

/**
 * Stores policies with optimistic locking on the version. Each write carries the audit record
 * that describes it, stored atomically with it: both are kept, or neither is, so that no change
 * to a policy is ever unaudited.
 */
public interface SavePolicyPort {

    /**
     * @throws PolicyAlreadyExistsException when the id is taken
     * @throws TableAlreadyGovernedException when another policy governs the table
     */
    void create(RetentionPolicy policy, AuditRecord audit);

    /**
     * Replaces version {@code policy.version() - 1} with {@code policy}.
     *
     * @throws PolicyVersionConflictException when the stored version is not the one replaced
     * @throws PolicyNotFoundException when there is no such policy
     */
    void update(RetentionPolicy policy, AuditRecord audit);

    /**
     * @throws PolicyVersionConflictException when the stored version is not {@code expected}
     * @throws PolicyNotFoundException when there is no such policy
     */
    void delete(PolicyId id, PolicyVersion expected, AuditRecord audit);
}
