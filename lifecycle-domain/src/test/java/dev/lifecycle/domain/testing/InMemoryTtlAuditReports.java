package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.hygiene.TtlAuditReportPort;
import dev.lifecycle.domain.policy.PolicyId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The last TTL audit report of each policy, in memory. */
public final class InMemoryTtlAuditReports implements TtlAuditReportPort {

    private final Map<PolicyId, TtlAuditReport> reports = new HashMap<>();

    @Override
    public synchronized void save(TtlAuditReport report) {
        reports.put(report.policy(), report);
    }

    @Override
    public synchronized Optional<TtlAuditReport> find(PolicyId policy) {
        return Optional.ofNullable(reports.get(policy));
    }

    @Override
    public synchronized void delete(PolicyId policy) {
        reports.remove(policy);
    }
}
