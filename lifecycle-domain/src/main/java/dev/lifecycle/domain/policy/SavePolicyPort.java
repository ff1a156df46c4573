package dev.lifecycle.domain.policy;

/** Stores policies with optimistic locking on the version. */
public interface SavePolicyPort {

    /**
     * @throws PolicyAlreadyExistsException when the id is taken
     * @throws TableAlreadyGovernedException when another policy governs the table
     */
    void create(RetentionPolicy policy);

    /**
     * Replaces version {@code policy.version() - 1} with {@code policy}.
     *
     * @throws PolicyVersionConflictException when the stored version is not the one replaced
     */
    void update(RetentionPolicy policy);

    /** @throws PolicyVersionConflictException when the stored version is not {@code expected} */
    void delete(PolicyId id, PolicyVersion expected);
}
