package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestPolicies.withKeyFilter;
import static dev.lifecycle.domain.testing.TestPolicies.withLock;
import static dev.lifecycle.domain.testing.TestPolicies.withSortKey;
import static dev.lifecycle.domain.testing.TestPolicies.withTable;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.insert;
import static dev.lifecycle.domain.testing.TestRecords.keysOnlyRemove;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.remove;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.bucket.ObjectLockMode;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.policy.PolicyDraft.LockDraft;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.EventName;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArchivalRulesTest {

    private static final long FUTURE_TTL = EVENT_TIME.getEpochSecond() + 3_600;
    private static final long PAST_TTL = EVENT_TIME.getEpochSecond() - 60;

    @Test
    void removedByTtl_isArchivedWithCauseTtl_underTheDocumentedKey() {
        Item item = order("customer#42", "order#2026-11-01", PAST_TTL);

        ArchivalDecision.Archive archive = archive(ttlRemove(item, "4100000000000000000001"), policy());

        assertThat(archive.entry().cause()).isEqualTo(DeletionCause.TTL);
        assertThat(archive.entry().oldImage()).isEqualTo(item);
        assertThat(archive.entry().deletedAt()).isEqualTo(EVENT_TIME);
        assertThat(archive.entry().policyId().value()).isEqualTo("orders-retention");
        assertThat(archive.location().bucket().value()).isEqualTo("acme-archive");
        assertThat(archive.location().key().value())
                .isEqualTo("archive/orders/2026/11/22/S-customer%2342~S-order%232026-11-01/4100000000000000000001.json");
        assertThat(archive.retention()).isEmpty();
    }

    @Test
    void userDelete_isArchivedWithCauseUser() {
        assertThat(archive(userRemove(order("a", "b", FUTURE_TTL), "11"), policy()).entry().cause()).isEqualTo(DeletionCause.USER);
    }

    @Test
    void deleteWithoutIdentityAfterTheTtlPassed_isArchivedWithCauseExpired() {
        assertThat(archive(userRemove(order("a", "b", PAST_TTL), "11"), policy()).entry().cause()).isEqualTo(DeletionCause.EXPIRED);
    }

    @Test
    void insertAndModify_areSkippedAsNotRemovals() {
        ArchivalDecision decision = ArchivalRules.decide(insert(order("a", "b", FUTURE_TTL), "12"), policy());

        assertThat(skipReason(decision)).isEqualTo(new SkipReason.NotARemoval(EventName.INSERT));
    }

    @Test
    void userDelete_underATtlOnlyPolicy_isSkippedNamingTheCause() {
        RetentionPolicy ttlOnly = policy(withCauses(draft(), "TTL"));

        SkipReason reason = skipReason(ArchivalRules.decide(userRemove(order("a", "b", FUTURE_TTL), "13"), ttlOnly));

        assertThat(reason).isInstanceOf(SkipReason.CauseNotArchived.class);
        assertThat(reason.describe()).contains("USER").contains("TTL");
    }

    @Test
    void keyOutsideTheFilter_isSkipped_keyInsideIsArchived() {
        RetentionPolicy tenant42 = policy(withKeyFilter(draft(), "tenant#42"));

        assertThat(skipReason(ArchivalRules.decide(ttlRemove(order("tenant#7", "x", PAST_TTL), "14"), tenant42)))
                .isInstanceOf(SkipReason.KeyOutsideFilter.class);
        assertThat(ArchivalRules.decide(ttlRemove(order("tenant#42/a", "x", PAST_TTL), "15"), tenant42))
                .isInstanceOf(ArchivalDecision.Archive.class);
    }

    @Test
    void recordWithoutOldImage_isSkippedSayingTheStreamViewLacksIt() {
        SkipReason reason = skipReason(ArchivalRules.decide(keysOnlyRemove(order("a", "b", PAST_TTL), "16"), policy()));

        assertThat(reason).isInstanceOf(SkipReason.NoOldImage.class);
        assertThat(reason.describe()).contains("KEYS_ONLY").contains("NEW_AND_OLD_IMAGES");
    }

    @Test
    void objectLockedPolicy_locksFromTheDeletionTime_notFromNow() {
        RetentionPolicy locked = policy(withLock(draft(), new LockDraft("COMPLIANCE", 10)));

        ArchivalDecision.Archive archive = archive(ttlRemove(order("a", "b", PAST_TTL), "17"), locked);

        assertThat(archive.retention()).contains(new ArchivalDecision.Retention(ObjectLockMode.COMPLIANCE,
                Instant.parse("2026-12-02T10:15:30Z")));
    }

    @Test
    void sameRecordDecidedTwice_givesTheSameKeyAndContent() {
        ChangeRecord record = ttlRemove(order("a/b", "c#d", PAST_TTL), "18");

        ArchivalDecision.Archive first = archive(record, policy());
        ArchivalDecision.Archive second = archive(record, policy().withVersion(policy().version().next()));

        assertThat(second.location()).isEqualTo(first.location());
        assertThat(second.entry().contentSha256()).isEqualTo(first.entry().contentSha256());
    }

    @Test
    void recordOfAnotherTable_isAMismatch() {
        RetentionPolicy invoices = policy(withTable(draft(), "invoices"));

        assertThatThrownBy(() -> ArchivalRules.decide(ttlRemove(order("a", "b", PAST_TTL), "19"), invoices))
                .isInstanceOf(RecordPolicyMismatchException.class).hasMessageContaining("19").hasMessageContaining("invoices");
    }

    @Test
    void keysThatDoNotFitTheSchema_areAMismatchNamingTheSequenceNumber() {
        RetentionPolicy simpleKey = policy(withSortKey(draft(), null));

        assertThatThrownBy(() -> ArchivalRules.decide(ttlRemove(order("a", "b", PAST_TTL), "20"), simpleKey))
                .isInstanceOfSatisfying(RecordPolicyMismatchException.class,
                        e -> assertThat(e.sequenceNumber().value()).isEqualTo("20"))
                .hasMessageContaining("[pk, sk]");
    }

    @Test
    void recordDeletedAtMidnightUtc_isFiledUnderThatDay() {
        ChangeRecord record = remove(order("a", "b", PAST_TTL), "21", Optional.empty(), Instant.parse("2026-12-31T23:59:59Z"));
        ChangeRecord next = remove(order("a", "b", PAST_TTL), "22", Optional.empty(), Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(archive(record, policy()).location().key().value()).startsWith("archive/orders/2026/12/31/");
        assertThat(archive(next, policy()).location().key().value()).startsWith("archive/orders/2027/01/01/");
    }

    private static ArchivalDecision.Archive archive(ChangeRecord record, RetentionPolicy policy) {
        ArchivalDecision decision = ArchivalRules.decide(record, policy);
        assertThat(decision).isInstanceOf(ArchivalDecision.Archive.class);
        return (ArchivalDecision.Archive) decision;
    }

    private static SkipReason skipReason(ArchivalDecision decision) {
        assertThat(decision).isInstanceOf(ArchivalDecision.Skip.class);
        return ((ArchivalDecision.Skip) decision).reason();
    }
}
