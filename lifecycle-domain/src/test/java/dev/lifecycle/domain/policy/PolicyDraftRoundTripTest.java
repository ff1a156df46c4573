package dev.lifecycle.domain.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.testing.TestPolicies;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyDraftRoundTripTest {

    private static final PolicyId ID = PolicyId.of("orders-retention");

    @Test
    void theDraftOfAPolicy_validatesBackToTheSamePolicy_withEveryOptionSet() {
        RetentionPolicy full = TestPolicies.locked(TestPolicies.withKeyFilter(TestPolicies.withLock(TestPolicies.draft(),
                new PolicyDraft.LockDraft("GOVERNANCE", 400)), "tenant#"), true).toPolicy(ID, PolicyVersion.of(7));

        assertThat(PolicyDraft.of(full).toPolicy(ID, PolicyVersion.of(7))).isEqualTo(full);
    }

    @Test
    void theDraftOfAMinimalPolicy_validatesBackToTheSamePolicy() {
        RetentionPolicy minimal = TestPolicies.withTiers(TestPolicies.withSortKey(TestPolicies.withCauses(TestPolicies.draft(), "USER"),
                null), List.of(), null).toPolicy(ID, PolicyVersion.initial());

        assertThat(PolicyDraft.of(minimal).toPolicy(ID, PolicyVersion.initial())).isEqualTo(minimal);
    }
}
