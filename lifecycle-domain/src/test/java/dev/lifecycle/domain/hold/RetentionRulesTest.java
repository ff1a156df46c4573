package dev.lifecycle.domain.hold;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetentionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final TableName ORDERS = TableName.of("orders");

    private final LegalHold caseHold = new LegalHold(new HoldId("case-2026-17"), ORDERS,
            new HoldScope.PartitionKeyPrefix("customer#42"), "litigation 2026-17", "legal@acme", NOW.minusSeconds(3_600));

    @Test
    void holdBeatsEveryOtherRule_evenAnExpiredDeletion() {
        List<RetentionClaim> claims = List.of(new RetentionClaim.DeleteAfter(NOW.minusSeconds(86_400), "archive expiry"),
                new RetentionClaim.Held(caseHold));

        assertThat(RetentionRules.resolve(claims)).isEqualTo(new EffectiveRetention.HeldIndefinitely(List.of(caseHold)));
        assertThat(RetentionRules.deletionBlocked(claims, NOW)).hasValueSatisfying(reason -> assertThat(reason).contains("case-2026-17"));
    }

    @Test
    void retentionBeatsDeletion_theLongestPeriodWins() {
        Instant expiry = NOW.plusSeconds(10 * 86_400);
        Instant lockUntil = NOW.plusSeconds(30 * 86_400);
        List<RetentionClaim> claims = List.of(new RetentionClaim.DeleteAfter(expiry, "archive expiry 10 days"),
                new RetentionClaim.RetainUntil(lockUntil, "object lock 30 days"));

        assertThat(RetentionRules.resolve(claims)).isEqualTo(new EffectiveRetention.DeletableFrom(lockUntil, "object lock 30 days"));
        assertThat(RetentionRules.deletionBlocked(claims, expiry.plusSeconds(1))).isPresent();
        assertThat(RetentionRules.deletionBlocked(claims, lockUntil)).isEmpty();
    }

    @Test
    void theLatestOfSeveralDeletionRules_wins() {
        Instant later = NOW.plusSeconds(100);
        List<RetentionClaim> claims = List.of(new RetentionClaim.DeleteAfter(NOW, "ttl"),
                new RetentionClaim.DeleteAfter(later, "archive expiry"));

        assertThat(RetentionRules.resolve(claims)).isEqualTo(new EffectiveRetention.DeletableFrom(later, "archive expiry"));
    }

    @Test
    void withoutAnyDeletionRule_nothingIsEverDeleted() {
        List<RetentionClaim> onlyRetention = List.of(new RetentionClaim.RetainUntil(NOW.minusSeconds(1), "object lock"));

        assertThat(RetentionRules.resolve(onlyRetention)).isInstanceOf(EffectiveRetention.RetainedIndefinitely.class);
        assertThat(RetentionRules.resolve(List.of())).isInstanceOf(EffectiveRetention.RetainedIndefinitely.class);
        assertThat(RetentionRules.deletionBlocked(onlyRetention, NOW)).contains("no rule deletes it");
    }

    @Test
    void deletionIsAllowedOnceItsTimeHasCome_andNotBefore() {
        List<RetentionClaim> claims = List.of(new RetentionClaim.DeleteAfter(NOW, "archive expiry"));

        assertThat(RetentionRules.deletionBlocked(claims, NOW.minusNanos(1))).isPresent();
        assertThat(RetentionRules.deletionBlocked(claims, NOW)).isEmpty();
    }

    @Test
    void prefixHold_coversMatchingKeysOfItsTableOnly() {
        ItemKey covered = ItemKey.of("pk", s("customer#42/order#7"), "sk", n(1));
        ItemKey other = ItemKey.of("pk", s("customer#43"), "sk", n(1));

        assertThat(caseHold.covers(ORDERS, covered)).isTrue();
        assertThat(caseHold.covers(ORDERS, other)).isFalse();
        assertThat(caseHold.covers(TableName.of("invoices"), covered)).isFalse();
    }

    @Test
    void singleItemHold_coversExactlyThatKey() {
        ItemKey key = ItemKey.of("pk", s("a"), "sk", n("1.0"));
        LegalHold hold = new LegalHold(new HoldId("one"), ORDERS, new HoldScope.SingleItem(key), "audit", "bob", NOW);

        assertThat(hold.covers(ORDERS, ItemKey.of("pk", s("a"), "sk", n("1")))).isTrue();
        assertThat(hold.covers(ORDERS, ItemKey.of("pk", s("a"), "sk", n("2")))).isFalse();
    }

    @Test
    void holdWithoutReasonOrAuthor_isRejected() {
        assertThatThrownBy(() -> new LegalHold(new HoldId("h"), ORDERS, new HoldScope.PartitionKeyPrefix("x"), " ", "bob", NOW))
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> new LegalHold(new HoldId("h"), ORDERS, new HoldScope.PartitionKeyPrefix("x"), "why", "", NOW))
                .hasMessageContaining("author");
        assertThatThrownBy(() -> new HoldScope.PartitionKeyPrefix("")).isInstanceOf(IllegalArgumentException.class);
    }
}
