package dev.lifecycle.domain.hygiene;

import static dev.lifecycle.domain.testing.TtlItems.expiringAt;
import static dev.lifecycle.domain.testing.TtlItems.millisecondsTtl;
import static dev.lifecycle.domain.testing.TtlItems.stringTtl;
import static dev.lifecycle.domain.testing.TtlItems.withoutTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryTableScanner;
import dev.lifecycle.domain.testing.InMemoryTtlAuditReports;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.TestPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TtlHygieneServiceTest {

    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final TableName TABLE = TableName.of(TestPolicies.TABLE);
    /** Fast enough that pacing never shows unless a test slows it down. */
    private static final TtlAuditSettings FAST = new TtlAuditSettings(100_000, 10_000, 10, 1_000_000, Duration.ofHours(1), 3,
            Duration.ofHours(48));

    private final ManualClock clock = new ManualClock(START);
    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryTableScanner scanner = new InMemoryTableScanner();
    private final InMemoryTtlAuditReports reports = new InMemoryTtlAuditReports();
    private RetentionPolicy policy;

    @BeforeEach
    void aPolicyOnAnEmptyTable() {
        policy = TestPolicies.policy();
        policies.add(policy);
        scanner.createTable(TABLE, policy.keySchema());
    }

    private TtlHygieneService service(TtlAuditSettings settings) {
        return new TtlHygieneService(policies, scanner, reports, settings, clock, clock::sleep);
    }

    private TtlAuditReport audit(TtlAuditSettings settings) {
        return service(settings).audit(AuditTtlHygieneCommand.of(policy.id()));
    }

    private void goodItems(int count) {
        for (int i = 0; i < count; i++) {
            scanner.put(TABLE, expiringAt("good-" + i, START.plus(Duration.ofDays(30))));
        }
    }

    private static ItemKey key(String pk) {
        return ItemKey.of("pk", AttributeValue.s(pk), "sk", AttributeValue.s("item"));
    }

    @Test
    void aMixOfTtls_isCountedPerFinding_andTheRestIsHealthy() {
        goodItems(5);
        scanner.put(TABLE, withoutTtl("missing-1")).put(TABLE, withoutTtl("missing-2"))
                .put(TABLE, stringTtl("string-1", START)).put(TABLE, millisecondsTtl("millis-1", START))
                .put(TABLE, expiringAt("stale-1", START.minus(Duration.ofDays(3))))
                .put(TABLE, expiringAt("recent-1", START.minus(Duration.ofHours(1))));

        TtlAuditReport report = audit(FAST);

        assertThat(report.itemsScanned()).isEqualTo(11);
        assertThat(report.count(TtlAuditFinding.MISSING)).isEqualTo(2);
        assertThat(report.count(TtlAuditFinding.STRING_TYPED)).isEqualTo(1);
        assertThat(report.count(TtlAuditFinding.MILLISECONDS)).isEqualTo(1);
        assertThat(report.count(TtlAuditFinding.EXPIRED_NOT_SWEPT)).isEqualTo(1);
        assertThat(report.samples(TtlAuditFinding.EXPIRED_NOT_SWEPT)).containsExactly(key("stale-1"));
        assertThat(report.healthy()).isEqualTo(6);
        assertThat(report.outcome()).isEqualTo(ScanOutcome.complete());
    }

    @Test
    void sampleKeys_stopAtTheConfiguredNumber_whileTheCountGoesOn() {
        for (int i = 0; i < 7; i++) {
            scanner.put(TABLE, withoutTtl("missing-" + i));
        }

        TtlAuditReport report = audit(FAST);

        assertThat(report.count(TtlAuditFinding.MISSING)).isEqualTo(7);
        assertThat(report.samples(TtlAuditFinding.MISSING)).containsExactly(key("missing-0"), key("missing-1"), key("missing-2"));
    }

    @Test
    void theScan_asksForKeysAndTtlOnly_aPageLimitAtATime_continuingAfterEachCursor() {
        goodItems(25);

        TtlAuditReport report = audit(FAST);

        List<ScanTablePort.PageRequest> requests = scanner.requests();
        assertThat(requests).hasSize(3);
        assertThat(requests).allSatisfy(request -> {
            assertThat(request.attributes()).containsExactly("pk", "sk", "expiresAt");
            assertThat(request.limit()).isEqualTo(10);
        });
        assertThat(requests.get(0).startAfter()).isEmpty();
        assertThat(requests.get(1).startAfter()).hasValueSatisfying(cursor ->
                assertThat(cursor.lastKey()).isEqualTo(key("good-9").asAttributes()));
        assertThat(report.pagesRead()).isEqualTo(3);
        assertThat(report.itemsScanned()).isEqualTo(25);
    }

    @Test
    void pages_arePacedAtThePagesPerSecondRate() {
        goodItems(50);

        TtlAuditReport report = audit(new TtlAuditSettings(100_000, 2, 10, 1_000_000, Duration.ofHours(1), 3, Duration.ofHours(48)));

        // Six pages (the sixth is empty: a full fifth page still has a cursor), 0.5 s apart, the first at once.
        assertThat(report.pagesRead()).isEqualTo(6);
        assertThat(report.duration()).isEqualTo(Duration.ofMillis(2_500));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(2_500));
    }

    @Test
    void readCapacity_isPacedAtTheReadUnitsPerSecondRate() {
        goodItems(30);
        scanner.costing(0.5);

        // Each full page of 10 items costs 5 read units; at 5 units a second the next page waits a second.
        TtlAuditReport report = audit(new TtlAuditSettings(5, 10_000, 10, 1_000_000, Duration.ofHours(1), 3, Duration.ofHours(48)));

        assertThat(report.readUnitsConsumed()).isEqualTo(15.0);
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theItemBound_stopsTheScan_withoutReadingPastIt() {
        goodItems(40);

        TtlAuditReport report = audit(FAST.withMaxItems(25));

        assertThat(scanner.requests()).extracting(ScanTablePort.PageRequest::limit).containsExactly(10, 10, 5);
        assertThat(report.itemsScanned()).isEqualTo(25);
        assertThat(report.outcome()).isEqualTo(new ScanOutcome.Stopped(StopReason.ITEM_LIMIT));
        assertThat(report.bounds().maxItems()).isEqualTo(25);
    }

    @Test
    void theTimeBudget_stopsTheScan_afterThePageThatSpentIt() {
        goodItems(100);
        scanner.taking(Duration.ofSeconds(10), clock);

        TtlAuditReport report = audit(new TtlAuditSettings(100_000, 10_000, 10, 1_000_000, Duration.ofSeconds(25), 3,
                Duration.ofHours(48)));

        assertThat(report.pagesRead()).isEqualTo(3);
        assertThat(report.itemsScanned()).isEqualTo(30);
        assertThat(report.outcome()).isEqualTo(new ScanOutcome.Stopped(StopReason.TIME_BUDGET));
        assertThat(report.duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void aCommandsMaxItems_lowersTheBound_butNeverRaisesIt() {
        goodItems(30);
        TtlHygieneService service = service(FAST.withMaxItems(20));

        TtlAuditReport lowered = service.audit(new AuditTtlHygieneCommand(policy.id(), Optional.of(5L)));
        TtlAuditReport notRaised = service.audit(new AuditTtlHygieneCommand(policy.id(), Optional.of(1_000L)));

        assertThat(lowered.itemsScanned()).isEqualTo(5);
        assertThat(notRaised.itemsScanned()).isEqualTo(20);
    }

    @Test
    void aMissingTable_isAFailedReport_thatIsRecorded() {
        RetentionPolicy orphan = TestPolicies.withTable(TestPolicies.draft(), "gone").toPolicy(PolicyId.of("orphan"), PolicyVersion.initial());
        policies.add(orphan);

        TtlAuditReport report = service(FAST).audit(AuditTtlHygieneCommand.of(orphan.id()));

        assertThat(report.outcome()).isEqualTo(new ScanOutcome.Failed("table 'gone' does not exist"));
        assertThat(report.itemsScanned()).isZero();
        assertThat(reports.find(orphan.id())).contains(report);
    }

    @Test
    void aStoreFailureMidScan_isAFailedReport_withTheCountsSoFar() {
        goodItems(15);
        scanner.put(TABLE, withoutTtl("missing-late"));
        scanner.failingOnRequest(2, new DependencyFailureException("DynamoDB", true, "ThrottlingException (HTTP 400): slow down", null));

        TtlAuditReport report = audit(FAST);

        assertThat(report.itemsScanned()).isEqualTo(10);
        assertThat(report.pagesRead()).isEqualTo(1);
        assertThat(report.outcome()).isInstanceOfSatisfying(ScanOutcome.Failed.class,
                failed -> assertThat(failed.problem()).contains("ThrottlingException"));
    }

    @Test
    void anInterruptedWait_stopsTheScan_andKeepsTheInterrupt() {
        goodItems(30);
        Throttle.Sleeper interrupted = duration -> {
            throw new InterruptedException("shutting down");
        };
        TtlHygieneService service = new TtlHygieneService(policies, scanner, reports,
                new TtlAuditSettings(100_000, 1, 10, 1_000_000, Duration.ofHours(1), 3, Duration.ofHours(48)), clock, interrupted);

        TtlAuditReport report = service.audit(AuditTtlHygieneCommand.of(policy.id()));

        assertThat(report.outcome()).isEqualTo(new ScanOutcome.Stopped(StopReason.INTERRUPTED));
        assertThat(report.itemsScanned()).isEqualTo(10);
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void aSecondAuditOfTheSameTable_whileOneRuns_isRefused_andTheScheduleSkipsIt() {
        goodItems(30);
        java.util.List<Object> seenDuringTheRun = new java.util.ArrayList<>();
        TtlHygieneService[] service = new TtlHygieneService[1];
        Throttle.Sleeper meddling = duration -> {
            clock.sleep(duration);
            if (seenDuringTheRun.isEmpty()) {
                try {
                    service[0].audit(AuditTtlHygieneCommand.of(policy.id()));
                } catch (TtlAuditInProgressException e) {
                    seenDuringTheRun.add(e.getMessage());
                }
                seenDuringTheRun.add(service[0].auditAll());
            }
        };
        service[0] = new TtlHygieneService(policies, scanner, reports,
                new TtlAuditSettings(100_000, 1, 10, 1_000_000, Duration.ofHours(1), 3, Duration.ofHours(48)), clock, meddling);

        TtlAuditReport report = service[0].audit(AuditTtlHygieneCommand.of(policy.id()));

        assertThat(seenDuringTheRun).containsExactly("a TTL audit of policy 'orders-retention' is already running: read its report"
                + " with GET when it ends", List.of());
        assertThat(report.itemsScanned()).isEqualTo(30);
        assertThat(service[0].audit(AuditTtlHygieneCommand.of(policy.id())).itemsScanned()).as("free again afterwards").isEqualTo(30);
    }

    @Test
    void anUnknownPolicy_isPolicyNotFound() {
        assertThatThrownBy(() -> service(FAST).audit(AuditTtlHygieneCommand.of(PolicyId.of("nobody"))))
                .isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void auditAll_recordsAReportForEveryPolicy_evenWhenOneTableIsMissing() {
        goodItems(3);
        RetentionPolicy orphan = TestPolicies.withTable(TestPolicies.draft(), "gone").toPolicy(PolicyId.of("a-orphan"), PolicyVersion.initial());
        policies.add(orphan);

        List<TtlAuditReport> all = service(FAST).auditAll();

        assertThat(all).extracting(TtlAuditReport::policy).containsExactly(orphan.id(), policy.id());
        assertThat(reports.find(orphan.id()).orElseThrow().outcome()).isInstanceOf(ScanOutcome.Failed.class);
        assertThat(reports.find(policy.id()).orElseThrow().itemsScanned()).isEqualTo(3);
    }

    @Test
    void theLastReport_isTheOneRecordedByTheLatestAudit() {
        TtlHygieneService service = service(FAST);
        service.audit(AuditTtlHygieneCommand.of(policy.id()));
        goodItems(2);
        TtlAuditReport latest = service.audit(AuditTtlHygieneCommand.of(policy.id()));

        assertThat(service.lastReport(policy.id())).contains(latest);
        assertThat(service.lastReport(PolicyId.of("never-audited"))).isEmpty();
    }
}
