package dev.lifecycle.domain.policy;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.locked;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestPolicies.withDestination;
import static dev.lifecycle.domain.testing.TestPolicies.withKeyFilter;
import static dev.lifecycle.domain.testing.TestPolicies.withLock;
import static dev.lifecycle.domain.testing.TestPolicies.withRetention;
import static dev.lifecycle.domain.testing.TestPolicies.withTable;
import static dev.lifecycle.domain.testing.TestPolicies.withTiers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.policy.PolicyChangeRules.Decision;
import dev.lifecycle.domain.policy.PolicyDraft.LockDraft;
import dev.lifecycle.domain.policy.PolicyDraft.TierDraft;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyChangeRulesTest {

    private static final PolicyId ID = PolicyId.of("orders-retention");

    @Test
    void unlockedPolicy_mayBeWeakened() {
        assertThat(check(draft(), withRetention(withCauses(draft(), "TTL"), "P1D"))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void tableNeverChanges_evenWhenUnlocked() {
        assertThat(rejectedFields(draft(), withTable(draft(), "invoices"))).containsExactly("table");
    }

    @Test
    void lockedPolicy_mayBeStrengthened() {
        PolicyDraft current = locked(withLock(withKeyFilter(withCauses(draft(), "TTL"), "tenant#42"),
                new LockDraft("GOVERNANCE", 30)), true);
        PolicyDraft stronger = locked(withLock(withKeyFilter(withRetention(withCauses(withTiers(current,
                List.of(new TierDraft("GLACIER", 5)), 3650), "TTL", "EXPIRED", "USER"), "P90D"), "tenant#"),
                new LockDraft("COMPLIANCE", 60)), true);

        assertThat(check(current, stronger)).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void lockedPolicy_withShorterRetention_isRejectedNamingTheRule() {
        Decision decision = check(locked(draft(), true), locked(withRetention(draft(), "P10D"), true));

        assertThat(violations(decision)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("retention");
            assertThat(v.reason()).contains("locked").contains("P30D").contains("P10D");
        });
    }

    @Test
    void lockedPolicy_cannotStopArchivingACause() {
        assertThat(rejectedFields(locked(draft(), true), locked(withCauses(draft(), "TTL", "EXPIRED"), true)))
                .containsExactly("archivedCauses");
    }

    @Test
    void lockedPolicy_cannotBeUnlocked() {
        assertThat(rejectedFields(locked(draft(), true), locked(draft(), false))).containsExactly("locked");
    }

    @Test
    void lockedPolicy_cannotMoveItsArchive() {
        assertThat(rejectedFields(locked(draft(), true), locked(withDestination(draft(), "other-bucket", "archive"), true)))
                .containsExactly("bucket");
        assertThat(rejectedFields(locked(draft(), true), locked(withDestination(draft(), "acme-archive", "elsewhere"), true)))
                .containsExactly("bucket");
    }

    @Test
    void lockedPolicy_cannotNarrowOrAddAKeyFilter() {
        assertThat(rejectedFields(locked(draft(), true), locked(withKeyFilter(draft(), "tenant#"), true)))
                .containsExactly("keyFilterPrefix");
        assertThat(rejectedFields(locked(withKeyFilter(draft(), "tenant#"), true), locked(withKeyFilter(draft(), "tenant#4"), true)))
                .containsExactly("keyFilterPrefix");
        assertThat(check(locked(withKeyFilter(draft(), "tenant#4"), true), locked(draft(), true))).isInstanceOf(Decision.Allowed.class);
    }

    @Test
    void lockedPolicy_cannotExpireArchivesSooner_butMayKeepThemForever() {
        PolicyDraft current = locked(withTiers(draft(), List.of(), 365), true);

        assertThat(rejectedFields(current, locked(withTiers(draft(), List.of(), 364), true))).containsExactly("archiveExpiryDays");
        assertThat(check(current, locked(withTiers(draft(), List.of(), null), true))).isInstanceOf(Decision.Allowed.class);
        assertThat(rejectedFields(locked(withTiers(draft(), List.of(), null), true), current)).containsExactly("archiveExpiryDays");
    }

    @Test
    void lockedPolicy_cannotWeakenShortenOrDropItsObjectLock() {
        PolicyDraft current = locked(withLock(draft(), new LockDraft("COMPLIANCE", 30)), true);

        assertThat(rejectedFields(current, locked(withLock(draft(), new LockDraft("GOVERNANCE", 30)), true))).containsExactly("objectLock");
        assertThat(rejectedFields(current, locked(withLock(draft(), new LockDraft("COMPLIANCE", 29)), true))).containsExactly("objectLock");
        assertThat(rejectedFields(current, locked(draft(), true))).containsExactly("objectLock");
    }

    @Test
    void lockedPolicy_cannotChangeItsTtlAttribute() {
        PolicyDraft d = draft();
        PolicyDraft otherTtl = new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), "ttl", d.retention(), null,
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), null, null, true);
        assertThat(rejectedFields(locked(d, true), otherTtl)).containsExactly("ttlAttribute");
    }

    @Test
    void severalWeakenings_areAllNamed() {
        assertThat(rejectedFields(locked(draft(), true), withRetention(withCauses(draft(), "TTL"), "P1D")))
                .containsExactlyInAnyOrder("locked", "retention", "archivedCauses");
    }

    @Test
    void lockedPolicy_cannotBeDeleted_unlockedOneCan() {
        Decision lockedDeletion = PolicyChangeRules.checkDeletion(policy(locked(draft(), true)));

        assertThat(violations(lockedDeletion)).singleElement().satisfies(v -> assertThat(v.reason()).contains("locked"));
        assertThat(PolicyChangeRules.checkDeletion(policy(draft()))).isInstanceOf(Decision.Allowed.class);
    }

    private static Decision check(PolicyDraft current, PolicyDraft proposed) {
        return PolicyChangeRules.checkChange(policy(current), proposed.toPolicy(ID, PolicyVersion.of(2)));
    }

    private static List<String> rejectedFields(PolicyDraft current, PolicyDraft proposed) {
        return violations(check(current, proposed)).stream().map(Violation::field).toList();
    }

    private static List<Violation> violations(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Rejected.class);
        return ((Decision.Rejected) decision).violations();
    }

    private static RetentionPolicy policy(PolicyDraft draft) {
        return draft.toPolicy(ID, PolicyVersion.initial());
    }
}
