package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.testing.InMemoryTtlAuditReports;
import dev.lifecycle.domain.testing.TtlAuditReportContract;

class InMemoryTtlAuditReportsContractTest extends TtlAuditReportContract {

    @Override
    protected TtlAuditReportPort reportPort() {
        return new InMemoryTtlAuditReports();
    }
}
