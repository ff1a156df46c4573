package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.retrieve.ArchiveIndex;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Builds a day's completeness report: the ledger's counters, the archive objects actually present
 * under the day's prefix (listed page by page, every key counted, none read), and the verdict.
 */
public final class CompletenessService implements ReportCompletenessUseCase {

    private final LoadPolicyPort policies;
    private final LedgerPort ledger;
    private final ArchiveIndex archive;
    private final Clock clock;

    public CompletenessService(LoadPolicyPort policies, LedgerPort ledger, ReadArchivePort archive, Clock clock) {
        this.policies = policies;
        this.ledger = ledger;
        this.archive = new ArchiveIndex(archive);
        this.clock = clock;
    }

    @Override
    public CompletenessReport report(CompletenessQuery query) {
        RetentionPolicy policy = policies.findByTable(query.table()).orElseThrow(() -> new TableNotGovernedException(query.table()));
        Instant now = clock.instant();
        Map<LedgerCause, LedgerCounts> byCause = ledger.day(query.table(), query.day());
        LedgerCounts total = byCause.values().stream().reduce(LedgerCounts.none(), LedgerCounts::plus);
        long[] present = {0};
        // Entries as stored: the ledger counts each write of a batch object's entries, so a record that a partly
        // retried batch stored twice is counted twice on both sides.
        archive.eachStoredOfDay(policy, query.day(), object -> {
            present[0]++;
            return true;
        });
        CompletenessRules.Judgement judgement = CompletenessRules.judge(total, present[0], query.day(), policy.archiveExpiryDays(),
                LocalDate.ofInstant(now, ZoneOffset.UTC));
        return new CompletenessReport(query.table(), query.day(), now, byCause, total, present[0], judgement.verdict(),
                judgement.findings(), CompletenessReport.LIMITS);
    }
}
