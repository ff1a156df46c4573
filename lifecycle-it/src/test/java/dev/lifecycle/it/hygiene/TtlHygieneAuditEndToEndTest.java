package dev.lifecycle.it.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableScanner;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTtlAuditReportRepository;
import dev.lifecycle.domain.hygiene.AuditTtlHygieneCommand;
import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.StopReason;
import dev.lifecycle.domain.hygiene.TtlAuditFinding;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.hygiene.TtlAuditSettings;
import dev.lifecycle.domain.hygiene.TtlHygieneService;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The TTL hygiene audit end to end on DynamoDB Local: a table of 300 items with a known mix of TTL
 * values, scanned through the real adapter in pages of 50, the report kept in the policy table. TTL
 * is not enabled on the table, so DynamoDB Local's own sweeper leaves the long-expired items there,
 * which is exactly the situation the audit exists to find.
 */
@ExtendWith(LocalAwsExtension.class)
class TtlHygieneAuditEndToEndTest {

    private static final int PAGE_SIZE = 50;
    private static final Map<TtlAuditFinding, Integer> MIX = Map.of(
            TtlAuditFinding.MISSING, 40,
            TtlAuditFinding.STRING_TYPED, 25,
            TtlAuditFinding.MILLISECONDS, 20,
            TtlAuditFinding.EXPIRED_NOT_SWEPT, 15,
            TtlAuditFinding.MICROSECONDS, 5,
            TtlAuditFinding.BEYOND_SWEEP_HORIZON, 5);
    private static final int GOOD = 180;
    private static final int RECENTLY_EXPIRED = 10;
    private static final int TOTAL = GOOD + RECENTLY_EXPIRED + MIX.values().stream().mapToInt(Integer::intValue).sum();

    private final LocalAws aws;
    private final String policyTable = "lifecycle-ttl-audit-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    private final DynamoDbPolicyRepository policies;
    private final DynamoDbTtlAuditReportRepository reports;
    private final Map<TtlAuditFinding, Set<ItemKey>> written = new EnumMap<>(TtlAuditFinding.class);
    private RetentionPolicy policy;

    TtlHygieneAuditEndToEndTest(LocalAws aws) {
        this.aws = aws;
        this.policies = new DynamoDbPolicyRepository(aws.dynamoDb(), policyTable);
        this.reports = new DynamoDbTtlAuditReportRepository(aws.dynamoDb(), policyTable);
    }

    @BeforeEach
    void aTableWithAKnownMix() {
        policies.createTableIfMissing();
        String table = ApplyFixtures.table(aws, "ttl-hygiene");
        policy = TestPolicies.withTable(TestPolicies.draft(), table).toPolicy(PolicyId.of(table), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));

        Instant now = Instant.now();
        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < GOOD; i++) {
            items.add(TtlTables.item("good-" + i, n(now.plus(Duration.ofDays(30)).getEpochSecond())));
        }
        for (int i = 0; i < RECENTLY_EXPIRED; i++) {
            items.add(TtlTables.item("recent-" + i, n(now.minus(Duration.ofHours(1)).getEpochSecond())));
        }
        add(items, TtlAuditFinding.MISSING, "missing-", null);
        add(items, TtlAuditFinding.STRING_TYPED, "string-",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(Long.toString(now.getEpochSecond())));
        add(items, TtlAuditFinding.MILLISECONDS, "millis-", n(now.toEpochMilli()));
        add(items, TtlAuditFinding.EXPIRED_NOT_SWEPT, "stale-", n(now.minus(Duration.ofDays(3)).getEpochSecond()));
        add(items, TtlAuditFinding.MICROSECONDS, "micros-", n(now.toEpochMilli() * 1000));
        add(items, TtlAuditFinding.BEYOND_SWEEP_HORIZON, "ancient-", n(now.minus(Duration.ofDays(10 * 365)).getEpochSecond()));
        TtlTables.write(aws, table, items);
    }

    private void add(List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items, TtlAuditFinding finding,
                     String prefix, software.amazon.awssdk.services.dynamodb.model.AttributeValue ttl) {
        Set<ItemKey> keys = written.computeIfAbsent(finding, f -> new HashSet<>());
        for (int i = 0; i < MIX.get(finding); i++) {
            items.add(TtlTables.item(prefix + i, ttl));
            keys.add(ItemKey.of("pk", AttributeValue.s(prefix + i), "sk", AttributeValue.s("order#1")));
        }
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue n(long value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(Long.toString(value));
    }

    private TtlHygieneService service(TtlAuditSettings settings) {
        return new TtlHygieneService(policies, new DynamoDbTableScanner(aws.dynamoDb()), reports, settings, Clock.systemUTC(),
                Throttle.threadSleeper());
    }

    private static TtlAuditSettings unpaced() {
        return new TtlAuditSettings(100_000, 10_000, PAGE_SIZE, 1_000_000, Duration.ofMinutes(1), 10, Duration.ofHours(48));
    }

    @Test
    void theAudit_countsEveryFindingExactly_inSeveralPages_andKeepsTheReport() {
        TtlAuditReport report = service(unpaced()).audit(AuditTtlHygieneCommand.of(policy.id()));

        assertThat(report.outcome()).isEqualTo(ScanOutcome.complete());
        assertThat(report.itemsScanned()).isEqualTo(TOTAL);
        assertThat(report.pagesRead()).as("paged by the Limit").isGreaterThanOrEqualTo(TOTAL / PAGE_SIZE);
        MIX.forEach((finding, count) -> assertThat(report.count(finding)).as(finding.name()).isEqualTo(count.longValue()));
        assertThat(report.count(TtlAuditFinding.NANOSECONDS)).isZero();
        assertThat(report.healthy()).isEqualTo(GOOD + RECENTLY_EXPIRED);
        MIX.keySet().forEach(finding -> assertThat(report.samples(finding)).as(finding.name())
                .hasSize(Math.min(10, MIX.get(finding))).doesNotHaveDuplicates().isSubsetOf(written.get(finding)));
        assertThat(report.readUnitsConsumed()).isPositive();
        assertThat(reports.find(policy.id())).contains(report);
        System.out.printf("[ttl-audit] unpaced: %d items in %d pages, %.1f read units, %d ms: %.0f items/s%n", report.itemsScanned(),
                report.pagesRead(), report.readUnitsConsumed(), report.duration().toMillis(),
                report.itemsScanned() * 1000.0 / Math.max(1, report.duration().toMillis()));
    }

    @Test
    void pagesPerSecond_paceTheScan() {
        TtlAuditReport report = service(new TtlAuditSettings(100_000, 10, PAGE_SIZE, 1_000_000, Duration.ofMinutes(1), 10,
                Duration.ofHours(48))).audit(AuditTtlHygieneCommand.of(policy.id()));

        // The first page goes at once, every further one 100 ms after the one before.
        assertThat(report.duration()).isGreaterThanOrEqualTo(Duration.ofMillis(100L * (report.pagesRead() - 1)));
        assertThat(report.itemsScanned()).isEqualTo(TOTAL);
        // The first page is free, so the steady rate is one page fewer over the duration.
        System.out.printf("[ttl-audit] at 10 pages/s: %d pages in %d ms: %.1f pages/s after the first, %.0f items/s%n",
                report.pagesRead(), report.duration().toMillis(), (report.pagesRead() - 1) * 1000.0 / report.duration().toMillis(),
                report.itemsScanned() * 1000.0 / report.duration().toMillis());
    }

    @Test
    void readUnitsPerSecond_paceTheScan_byWhatDynamoDbSaysEachPageCost() {
        double rate = 50;
        TtlAuditReport report = service(new TtlAuditSettings(rate, 10_000, PAGE_SIZE, 1_000_000, Duration.ofMinutes(1), 10,
                Duration.ofHours(48))).audit(AuditTtlHygieneCommand.of(policy.id()));

        // A page's cost is paid before the page after next: all but the last two pages' units are waited for.
        double perPage = report.readUnitsConsumed() / report.pagesRead();
        double seconds = report.duration().toMillis() / 1000.0;
        assertThat(seconds).isGreaterThanOrEqualTo((report.readUnitsConsumed() - 2 * perPage) / rate);
        System.out.printf("[ttl-audit] at %.0f read units/s: %.1f units in %d pages (%.1f a page) in %.2f s: %.1f units/s counting"
                        + " all, %.1f without the last two pages, %.0f items/s%n", rate, report.readUnitsConsumed(), report.pagesRead(), perPage,
                seconds, report.readUnitsConsumed() / seconds, (report.readUnitsConsumed() - 2 * perPage) / seconds,
                report.itemsScanned() / seconds);
    }

    @Test
    void theItemBound_stopsTheScan_atExactlyThatManyItems() {
        TtlAuditReport report = service(unpaced().withMaxItems(120)).audit(AuditTtlHygieneCommand.of(policy.id()));

        assertThat(report.outcome()).isEqualTo(new ScanOutcome.Stopped(StopReason.ITEM_LIMIT));
        assertThat(report.itemsScanned()).isEqualTo(120);
        assertThat(report.pagesRead()).isEqualTo(3);
    }
}
