package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.RetentionPolicy;

/** Estimates a stored policy's cost with the configured price table. */
public final class CostEstimateService implements EstimateCostUseCase {

    private final LoadPolicyPort policies;
    private final CostModel model;

    public CostEstimateService(LoadPolicyPort policies, PriceTable prices) {
        this.policies = policies;
        this.model = new CostModel(prices);
    }

    @Override
    public CostEstimate estimate(CostQuery query) {
        RetentionPolicy policy = policies.findById(query.policy()).orElseThrow(() -> new PolicyNotFoundException(query.policy()));
        return model.estimate(policy, query.assumptions());
    }
}
