package dev.lifecycle.http.hygiene;

import dev.lifecycle.domain.hygiene.AuditTtlHygieneUseCase;
import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Audits the TTL hygiene of every policy's table on a schedule ({@code lifecycle.admin.ttl-audit-interval})
 * and records each report, which {@code GET .../ttl-audit} reads. A run never overlaps the previous one.
 */
@ApplicationScoped
public class TtlAuditJob {

    private static final Logger LOG = Logger.getLogger(TtlAuditJob.class);

    private final AuditTtlHygieneUseCase hygiene;

    TtlAuditJob(AuditTtlHygieneUseCase hygiene) {
        this.hygiene = hygiene;
    }

    // The expressions carry their own defaults: @Scheduled reads the raw configuration, not AdminConfig,
    // whose members exist so that the properties are known to the mapping and documented there.
    @Scheduled(identity = "ttl-audit", every = "${lifecycle.admin.ttl-audit-interval:24h}",
            delayed = "${lifecycle.admin.ttl-audit-delay:10m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void auditAll() {
        List<TtlAuditReport> reports = hygiene.auditAll();
        LOG.infof("TTL audit: %d policies, %d items read", reports.size(), reports.stream().mapToLong(TtlAuditReport::itemsScanned).sum());
        for (TtlAuditReport report : reports) {
            long flagged = report.itemsScanned() - report.healthy();
            if (report.outcome() instanceof ScanOutcome.Failed failed) {
                LOG.warnf("TTL audit of policy %s failed after %d items: %s", report.policy(), report.itemsScanned(), failed.problem());
            } else if (flagged > 0) {
                LOG.warnf("TTL audit of policy %s (%s): %d of %d items flagged: %s", report.policy(), TtlAuditViews.outcomeName(report.outcome()),
                        flagged, report.itemsScanned(), report.findings().entrySet().stream()
                                .map(entry -> entry.getKey() + " " + entry.getValue().count()).collect(Collectors.joining(", ")));
            } else {
                LOG.infof("TTL audit of policy %s (%s): all %d items healthy", report.policy(), TtlAuditViews.outcomeName(report.outcome()),
                        report.itemsScanned());
            }
        }
    }
}
