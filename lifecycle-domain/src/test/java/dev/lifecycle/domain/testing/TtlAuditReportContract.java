package dev.lifecycle.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.hygiene.AuditBounds;
import dev.lifecycle.domain.hygiene.FindingTally;
import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.StopReason;
import dev.lifecycle.domain.hygiene.TtlAuditFinding;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.hygiene.TtlAuditReportPort;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the TTL audit report port must show. The in-memory fake and
 * the DynamoDB adapter each run it by extending this class.
 */
public abstract class TtlAuditReportContract {

    private static final Instant STARTED_AT = Instant.parse("2026-11-22T03:00:00.123456789Z");
    private static final AuditBounds BOUNDS = new AuditBounds(1_000_000, Duration.ofMinutes(30), 10, Duration.ofHours(48));

    private TtlAuditReportPort reports;
    private String unique;

    /** A port with no reports, or one whose contents the tests' unique ids cannot collide with. */
    protected abstract TtlAuditReportPort reportPort();

    @BeforeEach
    void setUpPort() {
        reports = reportPort();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCompleteReport_isFoundEqual_withEveryFindingAndSampleKey() {
        TtlAuditReport report = report(id("a"), ScanOutcome.complete(), Map.of(
                TtlAuditFinding.MISSING, new FindingTally(3, List.of(
                        ItemKey.of("pk", AttributeValue.s("customer#42 ünïcode"), "sk", AttributeValue.n("20261101.5")),
                        ItemKey.of("pk", AttributeValue.s("c-2"), "sk", AttributeValue.b((byte) 0, (byte) 1, (byte) 255)))),
                TtlAuditFinding.MILLISECONDS, new FindingTally(1, List.of(ItemKey.of("pk", AttributeValue.s("m-1"), "sk",
                        AttributeValue.s("x")))),
                TtlAuditFinding.EXPIRED_NOT_SWEPT, new FindingTally(7, List.of())));

        reports.save(report);

        assertThat(reports.find(id("a"))).contains(report);
    }

    @Test
    void aStoppedReport_andAFailedReport_areFoundEqual() {
        TtlAuditReport stopped = report(id("b"), new ScanOutcome.Stopped(StopReason.TIME_BUDGET), Map.of());
        TtlAuditReport failed = report(id("c"), new ScanOutcome.Failed("table 'orders' does not exist"), Map.of());

        reports.save(stopped);
        reports.save(failed);

        assertThat(reports.find(id("b"))).contains(stopped);
        assertThat(reports.find(id("c"))).contains(failed);
    }

    @Test
    void savingAgain_replacesThePreviousReport() {
        reports.save(report(id("d"), new ScanOutcome.Failed("DynamoDB failed"), Map.of()));
        TtlAuditReport later = report(id("d"), ScanOutcome.complete(), Map.of(TtlAuditFinding.STRING_TYPED,
                new FindingTally(2, List.of(ItemKey.of("pk", AttributeValue.n("12"))))));

        reports.save(later);

        assertThat(reports.find(id("d"))).contains(later);
    }

    @Test
    void aPolicyNeverAudited_hasNoReport_andDeletingForgetsIt() {
        reports.save(report(id("e"), ScanOutcome.complete(), Map.of()));

        reports.delete(id("e"));
        reports.delete(id("never"));

        assertThat(reports.find(id("e"))).isEmpty();
        assertThat(reports.find(id("never"))).isEmpty();
    }

    private static TtlAuditReport report(PolicyId policy, ScanOutcome outcome, Map<TtlAuditFinding, FindingTally> findings) {
        return new TtlAuditReport(policy, PolicyVersion.of(3), TableName.of("orders"), AttributeName.of("expiresAt"), STARTED_AT,
                Duration.ofMillis(12_345), 250, 3, 7.5, outcome, BOUNDS, findings);
    }

    private PolicyId id(String suffix) {
        return PolicyId.of(unique + "-" + suffix);
    }
}
