package dev.lifecycle.domain.hygiene;

import static dev.lifecycle.domain.testing.TtlItems.expiringAt;
import static dev.lifecycle.domain.testing.TtlItems.millisecondsTtl;
import static dev.lifecycle.domain.testing.TtlItems.stringTtl;
import static dev.lifecycle.domain.testing.TtlItems.withTtl;
import static dev.lifecycle.domain.testing.TtlItems.withoutTtl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.AttributeName;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TtlHygieneRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final AttributeName TTL = AttributeName.of("expiresAt");
    private static final Duration GRACE = Duration.ofHours(48);

    private static TtlVerdict judge(dev.lifecycle.domain.item.Item item) {
        return TtlHygieneRules.judge(item, TTL, NOW, GRACE);
    }

    private static TtlAuditFinding finding(dev.lifecycle.domain.item.Item item) {
        return ((TtlVerdict.Flagged) judge(item)).finding();
    }

    @Test
    void aFutureEpochSecondsTtl_isHealthy() {
        assertThat(judge(expiringAt("a", NOW.plus(Duration.ofDays(30))))).isEqualTo(new TtlVerdict.Healthy(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void aTtlPassedWithinTheGrace_isHealthy_becauseTheSweepMayNotHaveComeYet() {
        assertThat(judge(expiringAt("a", NOW.minus(Duration.ofHours(47))))).isInstanceOf(TtlVerdict.Healthy.class);
    }

    @Test
    void aTtlPassedLongerAgoThanTheGrace_isExpiredNotSwept_withTheHoursInTheDetail() {
        TtlVerdict verdict = judge(expiringAt("a", NOW.minus(Duration.ofHours(49))));

        assertThat(verdict).isEqualTo(new TtlVerdict.Flagged(TtlAuditFinding.EXPIRED_NOT_SWEPT, "attribute 'expiresAt' expired at "
                + NOW.minus(Duration.ofHours(49)) + ", 49 hours ago, and the item is still there"));
    }

    @Test
    void aTtlMoreThanFiveYearsPast_isBeyondTheSweepHorizon() {
        assertThat(finding(expiringAt("a", NOW.minus(Duration.ofDays(6 * 365))))).isEqualTo(TtlAuditFinding.BEYOND_SWEEP_HORIZON);
    }

    @Test
    void aMissingTtl_isMissing() {
        assertThat(finding(withoutTtl("a"))).isEqualTo(TtlAuditFinding.MISSING);
    }

    @Test
    void aStringTtl_isStringTyped_evenWhenItsTextIsAGoodEpoch() {
        assertThat(finding(stringTtl("a", NOW.plusSeconds(60)))).isEqualTo(TtlAuditFinding.STRING_TYPED);
    }

    @Test
    void epochMilliseconds_areMilliseconds_withTheDomainsDescription() {
        TtlVerdict verdict = judge(millisecondsTtl("a", NOW));

        assertThat(verdict).isInstanceOf(TtlVerdict.Flagged.class);
        assertThat(((TtlVerdict.Flagged) verdict).finding()).isEqualTo(TtlAuditFinding.MILLISECONDS);
        assertThat(((TtlVerdict.Flagged) verdict).detail()).contains("epoch milliseconds").contains(NOW.toString());
    }

    @Test
    void microsNanosAndOtherTypes_eachHaveTheirFinding() {
        long seconds = NOW.getEpochSecond();
        assertThat(finding(withTtl("a", AttributeValue.n(seconds + "000000")))).isEqualTo(TtlAuditFinding.MICROSECONDS);
        assertThat(finding(withTtl("a", AttributeValue.n(seconds + "000000000")))).isEqualTo(TtlAuditFinding.NANOSECONDS);
        assertThat(finding(withTtl("a", AttributeValue.n("1E30")))).isEqualTo(TtlAuditFinding.OUT_OF_RANGE);
        assertThat(finding(withTtl("a", AttributeValue.bool(true)))).isEqualTo(TtlAuditFinding.WRONG_TYPE);
    }

    @Test
    void theProjection_isTheKeysAndTheTtl_once() {
        assertThat(TtlHygieneRules.projection(KeySchema.composite("pk", "sk"), TTL)).containsExactly("pk", "sk", "expiresAt");
        assertThat(TtlHygieneRules.projection(KeySchema.partitionKey("expiresAt"), TTL)).containsExactly("expiresAt");
    }

    @Test
    void theItemBound_stopsBeforeTheTimeBudget_isLookedAt() {
        assertThat(TtlHygieneRules.stopBeforeNextPage(100, 100, Duration.ofHours(1), Duration.ofMinutes(1))).contains(StopReason.ITEM_LIMIT);
        assertThat(TtlHygieneRules.stopBeforeNextPage(99, 100, Duration.ofMinutes(1), Duration.ofMinutes(1))).contains(StopReason.TIME_BUDGET);
        assertThat(TtlHygieneRules.stopBeforeNextPage(99, 100, Duration.ofSeconds(59), Duration.ofMinutes(1))).isEqualTo(Optional.empty());
    }

    @Test
    void theLastPageLimit_neverReadsPastTheItemBound() {
        assertThat(TtlHygieneRules.nextPageLimit(100, 250, 200)).isEqualTo(50);
        assertThat(TtlHygieneRules.nextPageLimit(100, 1_000_000_000_000L, 0)).isEqualTo(100);
        assertThatThrownBy(() -> TtlHygieneRules.nextPageLimit(100, 250, 250)).hasMessageContaining("250 of at most 250");
    }

    @Test
    void readUnits_costHalfUnitPermits_roundedUp() {
        assertThat(TtlHygieneRules.halfUnits(0)).isZero();
        assertThat(TtlHygieneRules.halfUnits(0.5)).isEqualTo(1);
        assertThat(TtlHygieneRules.halfUnits(12.6)).isEqualTo(26);
    }
}
