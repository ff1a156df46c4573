package dev.lifecycle.http.drift;

import dev.lifecycle.domain.apply.DetectDriftUseCase;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Compares every policy with AWS on a schedule ({@code lifecycle.admin.drift-check-interval}) and
 * records each report, which the status endpoint and the drift health group read. A run never
 * overlaps the previous one.
 */
@ApplicationScoped
public class DriftCheckJob {

    private static final Logger LOG = Logger.getLogger(DriftCheckJob.class);

    private final DetectDriftUseCase drift;

    DriftCheckJob(DetectDriftUseCase drift) {
        this.drift = drift;
    }

    @Scheduled(identity = "drift-check", every = "${lifecycle.admin.drift-check-interval:15m}",
            delayed = "${lifecycle.admin.drift-check-delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkAll() {
        List<DriftReport> reports = drift.checkAll();
        Map<DriftState, Long> counts = reports.stream().collect(Collectors.groupingBy(DriftReport::state, Collectors.counting()));
        LOG.infof("drift check: %d policies, %s", reports.size(), counts);
        for (DriftReport report : reports) {
            if (report.state() == DriftState.DRIFTED) {
                LOG.warnf("policy %s drifted: %s", report.policy(), report.differences().stream()
                        .map(d -> d.setting() + " on " + d.resource() + " is " + d.current() + ", needs " + d.desired())
                        .collect(Collectors.joining("; ")));
            } else if (report.state() == DriftState.UNKNOWN) {
                LOG.warnf("policy %s could not be checked: %s", report.policy(), report.problem().orElse("?"));
            }
        }
    }
}
