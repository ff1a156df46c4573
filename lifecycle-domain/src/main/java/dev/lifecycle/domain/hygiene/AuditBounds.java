package dev.lifecycle.domain.hygiene;

import java.time.Duration;

/** The bounds one audit ran under, kept with its report so that a stopped scan can be read. */
public record AuditBounds(long maxItems, Duration timeBudget, int samplesPerFinding, Duration sweepGrace) {

    public AuditBounds {
        if (maxItems < 1 || timeBudget == null || timeBudget.isNegative() || timeBudget.isZero() || samplesPerFinding < 0
                || sweepGrace == null || sweepGrace.isNegative()) {
            throw new IllegalArgumentException("audit bounds need maxItems >= 1, a positive time budget, samplesPerFinding >= 0"
                    + " and a sweep grace >= 0; were " + maxItems + ", " + timeBudget + ", " + samplesPerFinding + ", " + sweepGrace);
        }
    }

    static AuditBounds of(TtlAuditSettings settings) {
        return new AuditBounds(settings.maxItems(), settings.timeBudget(), settings.samplesPerFinding(), settings.sweepGrace());
    }
}
