package dev.lifecycle.http.ledger;

import dev.lifecycle.domain.ledger.CompletenessReport;
import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.SkipKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a completeness report looks in the API. */
public final class CompletenessViews {

    private CompletenessViews() {
    }

    /**
     * A day's report: the {@code verdict} and its {@code meaning}, the {@code findings} behind it,
     * the archive objects present, the ledger's counters in {@code total} and per cause in
     * {@code byCause} (causes with nothing counted are absent), and the {@code limits} of what a
     * ledger can prove.
     */
    public record Report(String table, String day, String checkedAt, String verdict, String meaning, List<String> findings,
                         long objectsPresent, Counts total, Map<String, Counts> byCause, List<String> limits) {

        static Report of(CompletenessReport report) {
            Map<String, Counts> byCause = new LinkedHashMap<>();
            for (LedgerCause cause : LedgerCause.values()) {
                LedgerCounts counts = report.byCause().get(cause);
                if (counts != null) {
                    byCause.put(cause.name(), Counts.of(counts));
                }
            }
            return new Report(report.table().value(), report.day().toString(), report.checkedAt().toString(), report.verdict().name(),
                    report.verdict().meaning(), report.findings(), report.objectsPresent(), Counts.of(report.total()), byCause,
                    report.limits());
        }
    }

    /**
     * One set of counters. {@code received}, {@code alreadyArchived}, {@code skipped} and
     * {@code failed} count deliveries (a retried record counts each time); {@code archived} counts
     * archive objects written, each once; {@code undecodable} is part of {@code failed}.
     */
    public record Counts(long received, long archived, long alreadyArchived, long skippedTotal, Map<String, Long> skipped, long failed,
                         long undecodable) {

        static Counts of(LedgerCounts counts) {
            Map<String, Long> skipped = new LinkedHashMap<>();
            for (SkipKind kind : SkipKind.values()) {
                skipped.put(kind.name(), counts.skipped(kind));
            }
            return new Counts(counts.received(), counts.archived(), counts.alreadyArchived(), counts.skippedTotal(), skipped,
                    counts.failed(), counts.undecodable());
        }
    }
}
