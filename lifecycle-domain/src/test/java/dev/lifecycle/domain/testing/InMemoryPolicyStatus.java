package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.PolicyStatusPort;
import dev.lifecycle.domain.policy.PolicyId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The last drift report of each policy, in memory. */
public final class InMemoryPolicyStatus implements PolicyStatusPort {

    private final Map<PolicyId, DriftReport> reports = new HashMap<>();

    @Override
    public synchronized void save(DriftReport report) {
        reports.put(report.policy(), report);
    }

    @Override
    public synchronized Optional<DriftReport> find(PolicyId policy) {
        return Optional.ofNullable(reports.get(policy));
    }

    @Override
    public synchronized void delete(PolicyId policy) {
        reports.remove(policy);
    }
}
