package dev.lifecycle.http.hold;

import dev.lifecycle.domain.hold.EnforceHoldsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Enforces every hold on a schedule ({@code lifecycle.admin.hold-enforcement-interval}): removes
 * the TTLs of held live items, puts S3 legal holds on new archive objects, and finishes releases.
 * A run never overlaps the previous one.
 */
@ApplicationScoped
public class HoldEnforcementJob {

    private static final Logger LOG = Logger.getLogger(HoldEnforcementJob.class);

    private final EnforceHoldsUseCase enforcement;

    HoldEnforcementJob(EnforceHoldsUseCase enforcement) {
        this.enforcement = enforcement;
    }

    @Scheduled(identity = "hold-enforcement", every = "${lifecycle.admin.hold-enforcement-interval:5m}",
            delayed = "${lifecycle.admin.hold-enforcement-delay:20s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void enforceAll() {
        EnforceHoldsUseCase.EnforcementReport report = enforcement.enforce();
        if (report.holds() > 0) {
            LOG.infof("hold enforcement: %d holds, %d TTLs removed, %d restored, %d archive objects held, %d released, %d holds cleaned up",
                    report.holds(), report.ttlsRemoved(), report.ttlsRestored(), report.archiveObjectsHeld(),
                    report.archiveObjectsReleased(), report.holdsCleanedUp());
        }
        report.problems().forEach(problem -> LOG.warnf("hold %s", problem));
    }
}
