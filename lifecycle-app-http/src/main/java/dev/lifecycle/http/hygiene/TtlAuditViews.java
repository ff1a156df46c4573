package dev.lifecycle.http.hygiene;

import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.TtlAuditFinding;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyAttribute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a TTL audit report looks in the API. */
public final class TtlAuditViews {

    private TtlAuditViews() {
    }

    /**
     * One audit: {@code outcome} COMPLETE, STOPPED (with {@code stopReason}) or FAILED (with
     * {@code problem}); {@code findings} lists every finding, in the same order, with its count.
     */
    public record Report(String policyId, long policyVersion, String table, String ttlAttribute, String startedAt,
                         long durationMillis, boolean complete, String outcome, String stopReason, String problem,
                         long itemsScanned, long pagesRead, double readUnitsConsumed, long healthy, long flagged,
                         Map<String, Finding> findings, Bounds bounds) {

        static Report of(TtlAuditReport report) {
            Map<String, Finding> findings = new LinkedHashMap<>();
            for (TtlAuditFinding finding : TtlAuditFinding.values()) {
                findings.put(finding.name(), new Finding(report.count(finding), finding.meaning(),
                        report.samples(finding).stream().map(TtlAuditViews::key).toList()));
            }
            ScanOutcome outcome = report.outcome();
            return new Report(report.policy().value(), report.version().value(), report.table().value(), report.ttlAttribute().value(),
                    report.startedAt().toString(), report.duration().toMillis(), outcome.isComplete(), outcomeName(outcome),
                    outcome instanceof ScanOutcome.Stopped stopped ? stopped.reason().name() : null,
                    outcome instanceof ScanOutcome.Failed failed ? failed.problem() : null,
                    report.itemsScanned(), report.pagesRead(), report.readUnitsConsumed(), report.healthy(),
                    report.itemsScanned() - report.healthy(), findings,
                    new Bounds(report.bounds().maxItems(), report.bounds().timeBudget().toString(), report.bounds().samplesPerFinding(),
                            report.bounds().sweepGrace().toString()));
        }
    }

    /** How many items showed a finding, what it means, and the keys of the first few, in DynamoDB JSON. */
    public record Finding(long count, String meaning, List<Map<String, Map<String, String>>> sampleKeys) {
    }

    /** The bounds the audit ran under. */
    public record Bounds(long maxItems, String timeBudget, int samplesPerFinding, String sweepGrace) {
    }

    static String outcomeName(ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Complete) {
            return "COMPLETE";
        }
        return outcome instanceof ScanOutcome.Stopped ? "STOPPED" : "FAILED";
    }

    /** A key as DynamoDB JSON: {@code {"pk": {"S": "customer#42"}, "sk": {"N": "7"}}}. */
    private static Map<String, Map<String, String>> key(ItemKey key) {
        Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
        put(attributes, key.partitionKey());
        key.sortKey().ifPresent(sort -> put(attributes, sort));
        return attributes;
    }

    private static void put(Map<String, Map<String, String>> attributes, KeyAttribute attribute) {
        attributes.put(attribute.name(), Map.of(attribute.value().type().name(), attribute.value().asText()));
    }
}
