package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One TTL hygiene audit of a policy's table: when it ran and for how long, how much it read, how
 * it ended, and for each finding the number of items and a few of their keys. Findings without
 * items are absent from {@code findings}; {@link #count} answers 0 for them.
 */
public record TtlAuditReport(PolicyId policy, PolicyVersion version, TableName table, AttributeName ttlAttribute,
                             Instant startedAt, Duration duration, long itemsScanned, long pagesRead, double readUnitsConsumed,
                             ScanOutcome outcome, AuditBounds bounds, Map<TtlAuditFinding, FindingTally> findings) {

    public TtlAuditReport {
        if (policy == null || version == null || table == null || ttlAttribute == null || startedAt == null || duration == null
                || outcome == null || bounds == null || findings == null) {
            throw new IllegalArgumentException("a TTL audit report needs policy, version, table, TTL attribute, start, duration,"
                    + " outcome, bounds and findings (use an empty map)");
        }
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, was " + duration);
        }
        if (itemsScanned < 0 || pagesRead < 0 || !(readUnitsConsumed >= 0) || Double.isInfinite(readUnitsConsumed)) {
            throw new IllegalArgumentException("items, pages and read units must be 0 or more, were " + itemsScanned + ", "
                    + pagesRead + ", " + readUnitsConsumed);
        }
        EnumMap<TtlAuditFinding, FindingTally> copy = new EnumMap<>(TtlAuditFinding.class);
        copy.putAll(findings);
        long flagged = copy.values().stream().mapToLong(FindingTally::count).sum();
        if (flagged > itemsScanned) {
            throw new IllegalArgumentException("findings count " + flagged + " items, more than the " + itemsScanned + " scanned");
        }
        findings = Collections.unmodifiableMap(copy);
    }

    /** How many items showed the finding; 0 when none did. */
    public long count(TtlAuditFinding finding) {
        FindingTally tally = findings.get(finding);
        return tally == null ? 0 : tally.count();
    }

    public List<ItemKey> samples(TtlAuditFinding finding) {
        FindingTally tally = findings.get(finding);
        return tally == null ? List.of() : tally.samples();
    }

    /** Items read whose TTL is a usable epoch-seconds value not overdue for the sweep. */
    public long healthy() {
        return itemsScanned - findings.values().stream().mapToLong(FindingTally::count).sum();
    }
}
