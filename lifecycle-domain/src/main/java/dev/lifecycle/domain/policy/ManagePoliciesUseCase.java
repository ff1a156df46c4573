package dev.lifecycle.domain.policy;

/** Declares, changes and deletes retention policies; every change is versioned and audited. */
public interface ManagePoliciesUseCase {

    /** @throws InvalidPolicyException, PolicyAlreadyExistsException, TableAlreadyGovernedException */
    RetentionPolicy declare(DeclarePolicyCommand command);

    /** @throws PolicyNotFoundException, PolicyVersionConflictException, InvalidPolicyException, PolicyChangeRejectedException */
    RetentionPolicy change(ChangePolicyCommand command);

    /** @throws PolicyNotFoundException, PolicyVersionConflictException, PolicyChangeRejectedException */
    void delete(DeletePolicyCommand command);

    /** Declare a new policy. */
    record DeclarePolicyCommand(PolicyId id, PolicyDraft draft, String actor) {
        public DeclarePolicyCommand {
            requireAll(id, draft, actor);
        }
    }

    /** Replace the policy's current version, which must be {@code expectedVersion}. */
    record ChangePolicyCommand(PolicyId id, PolicyVersion expectedVersion, PolicyDraft draft, String actor) {
        public ChangePolicyCommand {
            requireAll(id, expectedVersion, draft, actor);
        }
    }

    /** Delete the policy, whose current version must be {@code expectedVersion}. */
    record DeletePolicyCommand(PolicyId id, PolicyVersion expectedVersion, String actor) {
        public DeletePolicyCommand {
            requireAll(id, expectedVersion, actor);
        }
    }

    private static void requireAll(Object... values) {
        for (Object value : values) {
            if (value == null || value instanceof String s && s.isBlank()) {
                throw new IllegalArgumentException("every field of a policy command is required");
            }
        }
    }
}
