package dev.lifecycle.domain.hygiene;

import java.time.Duration;

/**
 * How a TTL hygiene audit reads a table: its pace (read capacity units and pages per second, both
 * enforced), the Limit of each page, its bounds (items, time), how many sample keys it keeps per
 * finding, and the grace after which an expired item should have been swept.
 */
public record TtlAuditSettings(double readUnitsPerSecond, double pagesPerSecond, int pageSize, long maxItems,
                               Duration timeBudget, int samplesPerFinding, Duration sweepGrace) {

    public static final int MAX_PAGE_SIZE = 10_000;
    public static final int MAX_SAMPLES = 100;

    public TtlAuditSettings {
        if (!(readUnitsPerSecond >= 0.01 && readUnitsPerSecond <= 100_000)) {
            throw new IllegalArgumentException("readUnitsPerSecond must be between 0.01 and 100000, was " + readUnitsPerSecond);
        }
        if (!(pagesPerSecond >= 0.01 && pagesPerSecond <= 10_000)) {
            throw new IllegalArgumentException("pagesPerSecond must be between 0.01 and 10000, was " + pagesPerSecond);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was " + pageSize);
        }
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems must be at least 1, was " + maxItems);
        }
        if (timeBudget == null || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be a positive duration, was " + timeBudget);
        }
        if (samplesPerFinding < 0 || samplesPerFinding > MAX_SAMPLES) {
            throw new IllegalArgumentException("samplesPerFinding must be between 0 and " + MAX_SAMPLES + ", was " + samplesPerFinding);
        }
        if (sweepGrace == null || sweepGrace.isNegative()) {
            throw new IllegalArgumentException("sweepGrace must be zero or a positive duration, was " + sweepGrace);
        }
    }

    public TtlAuditSettings withMaxItems(long items) {
        return new TtlAuditSettings(readUnitsPerSecond, pagesPerSecond, pageSize, items, timeBudget, samplesPerFinding, sweepGrace);
    }
}
