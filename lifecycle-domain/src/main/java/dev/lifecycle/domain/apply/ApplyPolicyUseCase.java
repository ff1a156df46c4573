package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;

/** Plans and applies the table and bucket settings a policy needs. */
public interface ApplyPolicyUseCase {

    /**
     * Compares the policy with what AWS reports now.
     *
     * @throws dev.lifecycle.domain.policy.PolicyNotFoundException when the policy does not exist
     * @throws dev.lifecycle.domain.table.TableNotFoundException when its table does not exist
     * @throws dev.lifecycle.domain.bucket.BucketNotFoundException when its bucket does not exist
     * @throws dev.lifecycle.domain.failure.DependencyFailureException when AWS fails
     */
    ConfigurationPlan plan(PolicyId policy);

    /**
     * Re-plans against AWS now, then performs every IN_PLACE change, and each NEEDS_CONSENT change
     * whose Setting is in consentTo; appends an AuditAction.POLICY_APPLIED audit record listing what
     * changed, and records a fresh drift report. A change AWS refuses becomes a result, not an
     * exception.
     *
     * @throws dev.lifecycle.domain.policy.PolicyVersionConflictException when expectedVersion is given and is not
     *         the current version; plus those of {@link #plan}
     */
    ApplyResult apply(ApplyCommand command);
}
