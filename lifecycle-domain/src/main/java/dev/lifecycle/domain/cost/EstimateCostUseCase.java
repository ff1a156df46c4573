package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.PolicyId;

/** Estimates what a declared policy costs a month, archived per item and batched. */
public interface EstimateCostUseCase {

    /**
     * @throws dev.lifecycle.domain.policy.PolicyNotFoundException when no such policy exists
     * @throws InvalidCostAssumptionsException when the assumptions do not fit the policy
     */
    CostEstimate estimate(CostQuery query);

    /** A policy and what to assume about its workload. */
    record CostQuery(PolicyId policy, CostAssumptions assumptions) {
        public CostQuery {
            if (policy == null || assumptions == null) {
                throw new IllegalArgumentException("a cost query needs a policy and assumptions");
            }
        }
    }
}
