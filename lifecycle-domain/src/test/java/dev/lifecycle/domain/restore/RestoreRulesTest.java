package dev.lifecycle.domain.restore;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchivalRules;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.expiry.TtlReading;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RestoreRulesTest {

    private static final Instant NOW = TestRecords.EVENT_TIME.plusSeconds(7_200);
    private static final TableName ORDERS = TableName.of("orders");

    @Test
    void itemWithAFutureTtl_isPutBackUnchanged() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() + 60);

        RestorePlan plan = RestoreRules.plan(entry, Optional.empty(), ORDERS, policy(), TtlChoice.KEEP_ORIGINAL, NOW);

        assertThat(plan).isEqualTo(new RestorePlan.Put(ORDERS, entry.key(), entry.oldImage()));
    }

    @Test
    void itemWhoseTtlPassed_isSkippedAsExpired_whenKeepingItsTtl() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond());

        RestorePlan plan = RestoreRules.plan(entry, Optional.empty(), ORDERS, policy(), TtlChoice.KEEP_ORIGINAL, NOW);

        assertThat(plan).isInstanceOfSatisfying(RestorePlan.Skip.class, skip -> {
            assertThat(skip.reason()).isEqualTo(RestorePlan.Reason.EXPIRED);
            assertThat(skip.detail()).contains("RESET_FROM_POLICY");
        });
    }

    @Test
    void resetFromPolicy_givesTheItemAFullRetentionFromNow() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() - 86_400);

        RestorePlan.Put put = (RestorePlan.Put) RestoreRules.plan(entry, Optional.empty(), ORDERS, policy(),
                TtlChoice.RESET_FROM_POLICY, NOW);

        assertThat(TtlReading.read(put.item(), "expiresAt"))
                .isEqualTo(new TtlReading.Expiring(NOW.plus(policy().retention().duration())));
        assertThat(put.item().without("expiresAt")).isEqualTo(entry.oldImage().without("expiresAt"));
    }

    @Test
    void removeTtl_restoresAnItemThatNeverExpires() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() - 86_400);

        RestorePlan.Put put = (RestorePlan.Put) RestoreRules.plan(entry, Optional.empty(), ORDERS, policy(), TtlChoice.REMOVE, NOW);

        assertThat(put.item().has("expiresAt")).isFalse();
        assertThat(TtlReading.read(put.item(), "expiresAt")).isInstanceOf(TtlReading.NeverExpires.class);
    }

    @Test
    void aLiveItemWithTheSameKey_isNeverOverwritten() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() + 60);
        Item newer = entry.oldImage().with("total", AttributeValue.n("1.00")).with("note", s("rewritten after the delete"));

        for (TtlChoice choice : TtlChoice.values()) {
            assertThat(RestoreRules.plan(entry, Optional.of(newer), ORDERS, policy(), choice, NOW))
                    .isInstanceOfSatisfying(RestorePlan.Skip.class,
                            skip -> assertThat(skip.reason()).isEqualTo(RestorePlan.Reason.NEWER_LIVE_ITEM));
        }
    }

    @Test
    void aLiveItemEqualToTheArchiveButForItsTtl_isAlreadyRestored() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() - 60);
        Item restoredEarlier = policy().retention().expiryFrom(NOW.minusSeconds(30)).stamp(entry.oldImage(), "expiresAt");

        RestorePlan plan = RestoreRules.plan(entry, Optional.of(restoredEarlier), ORDERS, policy(), TtlChoice.RESET_FROM_POLICY, NOW);

        assertThat(plan).isInstanceOfSatisfying(RestorePlan.Skip.class,
                skip -> assertThat(skip.reason()).isEqualTo(RestorePlan.Reason.ALREADY_RESTORED));
    }

    @Test
    void restoreIntoAnotherTable_targetsThatTable() {
        ArchiveEntry entry = entryWithTtl(NOW.getEpochSecond() + 60);
        TableName copy = TableName.of("orders-restored");

        assertThat(RestoreRules.plan(entry, Optional.empty(), copy, policy(), TtlChoice.KEEP_ORIGINAL, NOW))
                .isInstanceOfSatisfying(RestorePlan.Put.class, put -> assertThat(put.table()).isEqualTo(copy));
    }

    private static ArchiveEntry entryWithTtl(long ttl) {
        return ((ArchivalDecision.Archive) ArchivalRules.decide(userRemove(order("customer#1", "order#1", ttl), "900"),
                policy())).entry();
    }
}
