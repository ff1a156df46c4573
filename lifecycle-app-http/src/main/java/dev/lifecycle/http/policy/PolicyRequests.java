package dev.lifecycle.http.policy;

import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.http.problem.ProblemException;

/** Reading the parts of a request every policy endpoint shares: the policy id and If-Match. */
public final class PolicyRequests {

    private PolicyRequests() {
    }

    /** The policy id in {@code field}, or 400 naming the field and the rule it breaks. */
    public static PolicyId policyId(String field, String value) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        try {
            return PolicyId.of(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    /** The version {@code If-Match} names (see {@link EntityTags#expectedVersion}). */
    public static PolicyVersion expectedVersion(String ifMatch) {
        return EntityTags.expectedVersion(ifMatch);
    }
}
