package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * TTL hygiene audits: scans a policy's table page by page through {@link ScanTablePort}, paced by
 * two {@link Throttle}s (read capacity units and pages per second), judges each item with
 * {@link TtlHygieneRules}, and keeps the last report of each policy. One table is audited by at most
 * one run at a time (in this process): a second on-demand run is refused, the schedule skips it.
 */
public final class TtlHygieneService implements AuditTtlHygieneUseCase {

    static final int POLICY_PAGE_SIZE = 100;

    private final LoadPolicyPort policies;
    private final ScanTablePort scans;
    private final TtlAuditReportPort reports;
    private final TtlAuditSettings settings;
    private final Clock clock;
    private final Throttle.Sleeper sleeper;
    private final Set<PolicyId> running = ConcurrentHashMap.newKeySet();

    public TtlHygieneService(LoadPolicyPort policies, ScanTablePort scans, TtlAuditReportPort reports, TtlAuditSettings settings,
                             Clock clock, Throttle.Sleeper sleeper) {
        if (policies == null || scans == null || reports == null || settings == null || clock == null || sleeper == null) {
            throw new IllegalArgumentException("a TTL hygiene service needs policies, scans, reports, settings, a clock and a sleeper");
        }
        this.policies = policies;
        this.scans = scans;
        this.reports = reports;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public TtlAuditReport audit(AuditTtlHygieneCommand command) {
        RetentionPolicy policy = policies.findById(command.policy()).orElseThrow(() -> new PolicyNotFoundException(command.policy()));
        TtlAuditSettings run = command.maxItems().filter(max -> max < settings.maxItems()).map(settings::withMaxItems).orElse(settings);
        if (!running.add(policy.id())) {
            throw new TtlAuditInProgressException(policy.id());
        }
        try {
            TtlAuditReport report = scan(policy, run);
            reports.save(report);
            return report;
        } finally {
            running.remove(policy.id());
        }
    }

    @Override
    public List<TtlAuditReport> auditAll() {
        List<TtlAuditReport> done = new ArrayList<>();
        Optional<PolicyId> after = Optional.empty();
        do {
            LoadPolicyPort.PolicyPage page = policies.list(after, POLICY_PAGE_SIZE);
            for (RetentionPolicy policy : page.policies()) {
                if (Thread.currentThread().isInterrupted()) {
                    return done;
                }
                if (!running.add(policy.id())) {
                    continue; // audited on demand right now; that run records its own report
                }
                try {
                    TtlAuditReport report = scan(policy, settings);
                    reports.save(report);
                    done.add(report);
                } finally {
                    running.remove(policy.id());
                }
            }
            after = page.next();
        } while (after.isPresent());
        return done;
    }

    @Override
    public Optional<TtlAuditReport> lastReport(PolicyId policy) {
        return reports.find(policy);
    }

    private TtlAuditReport scan(RetentionPolicy policy, TtlAuditSettings run) {
        Instant startedAt = clock.instant();
        // Fresh throttles per run: one table's scan never borrows from, or pays for, another's.
        Throttle pages = Throttle.perSecond(run.pagesPerSecond(), clock, sleeper);
        Throttle halfUnits = Throttle.perSecond(run.readUnitsPerSecond() * 2, clock, sleeper);
        List<String> projection = TtlHygieneRules.projection(policy.keySchema(), policy.ttlAttribute());
        Tally tally = new Tally(run.samplesPerFinding());
        Optional<ScanTablePort.Cursor> cursor = Optional.empty();
        ScanOutcome outcome = null;
        try {
            while (outcome == null) {
                Optional<StopReason> stop = TtlHygieneRules.stopBeforeNextPage(tally.items, run.maxItems(), since(startedAt), run.timeBudget());
                if (stop.isPresent()) {
                    outcome = new ScanOutcome.Stopped(stop.get());
                    continue;
                }
                pages.acquire(1);
                ScanTablePort.Page page = scans.scan(new ScanTablePort.PageRequest(policy.table(), projection,
                        TtlHygieneRules.nextPageLimit(run.pageSize(), run.maxItems(), tally.items), cursor));
                tally.page(page, policy, startedAt, run);
                cursor = page.next();
                if (cursor.isEmpty()) {
                    outcome = ScanOutcome.complete();
                } else if (TtlHygieneRules.halfUnits(page.consumedReadUnits()) > 0) {
                    // Paid after the page: DynamoDB says what a page cost only once it has been read.
                    halfUnits.acquire(TtlHygieneRules.halfUnits(page.consumedReadUnits()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = new ScanOutcome.Stopped(StopReason.INTERRUPTED);
        } catch (TableNotFoundException | DependencyFailureException e) {
            outcome = new ScanOutcome.Failed(e.getMessage());
        }
        return new TtlAuditReport(policy.id(), policy.version(), policy.table(), policy.ttlAttribute(), startedAt, since(startedAt),
                tally.items, tally.pages, tally.readUnits, outcome, AuditBounds.of(run), tally.findings());
    }

    private Duration since(Instant start) {
        return Duration.between(start, clock.instant());
    }

    /** The running counts of one scan. */
    private static final class Tally {
        private final int samplesPerFinding;
        private final Map<TtlAuditFinding, Long> counts = new EnumMap<>(TtlAuditFinding.class);
        private final Map<TtlAuditFinding, List<ItemKey>> samples = new EnumMap<>(TtlAuditFinding.class);
        private long items;
        private long pages;
        private double readUnits;

        Tally(int samplesPerFinding) {
            this.samplesPerFinding = samplesPerFinding;
        }

        void page(ScanTablePort.Page page, RetentionPolicy policy, Instant now, TtlAuditSettings run) {
            pages++;
            readUnits += page.consumedReadUnits();
            for (Item item : page.items()) {
                items++;
                if (TtlHygieneRules.judge(item, policy.ttlAttribute(), now, run.sweepGrace()) instanceof TtlVerdict.Flagged flagged) {
                    counts.merge(flagged.finding(), 1L, Long::sum);
                    List<ItemKey> keys = samples.computeIfAbsent(flagged.finding(), f -> new ArrayList<>());
                    if (keys.size() < samplesPerFinding) {
                        keys.add(policy.keySchema().keyOf(item));
                    }
                }
            }
        }

        Map<TtlAuditFinding, FindingTally> findings() {
            Map<TtlAuditFinding, FindingTally> findings = new EnumMap<>(TtlAuditFinding.class);
            counts.forEach((finding, count) -> findings.put(finding, new FindingTally(count, samples.get(finding))));
            return findings;
        }
    }
}
