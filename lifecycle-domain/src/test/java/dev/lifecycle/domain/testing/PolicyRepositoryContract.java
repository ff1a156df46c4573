package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyAlreadyExistsException;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.PolicyVersionConflictException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.SavePolicyPort;
import dev.lifecycle.domain.policy.TableAlreadyGovernedException;
import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the policy ports must show. The in-memory fake and the
 * DynamoDB adapter each run it by extending this class.
 */
public abstract class PolicyRepositoryContract {

    private LoadPolicyPort load;
    private SavePolicyPort save;
    private String unique;

    /** A repository with no policies, or one whose contents the tests' unique names cannot collide with. */
    protected abstract LoadPolicyPort loadPort();

    protected abstract SavePolicyPort savePort();

    @BeforeEach
    void setUpRepository() {
        load = loadPort();
        save = savePort();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCreatedPolicy_isFoundByIdAndByTable_equalToWhatWasStored() {
        RetentionPolicy policy = policy("a", "orders", TestPolicies.withLock(TestPolicies.withKeyFilter(draft(), "tenant#"),
                new PolicyDraft.LockDraft("COMPLIANCE", 30)));

        save.create(policy);

        assertThat(load.findById(policy.id())).contains(policy);
        assertThat(load.findByTable(policy.table())).contains(policy);
    }

    @Test
    void unknownIdsAndTables_areEmpty() {
        assertThat(load.findById(PolicyId.of("missing-" + unique))).isEmpty();
        assertThat(load.findByTable(TableName.of("missing-" + unique))).isEmpty();
    }

    @Test
    void creatingAnExistingId_isRefused() {
        save.create(policy("b", "t1", draft()));

        assertThatThrownBy(() -> save.create(policy("b", "t2", draft()))).isInstanceOf(PolicyAlreadyExistsException.class);
        assertThat(load.findByTable(TableName.of("t2-" + unique))).isEmpty();
    }

    @Test
    void aSecondPolicyForTheSameTable_isRefused_namingTheFirst() {
        RetentionPolicy first = policy("c", "shared", draft());
        save.create(first);

        assertThatThrownBy(() -> save.create(policy("d", "shared", draft())))
                .isInstanceOfSatisfying(TableAlreadyGovernedException.class, e -> assertThat(e.governedBy()).isEqualTo(first.id()));
        assertThat(load.findById(id("d"))).isEmpty();
    }

    @Test
    void updatingTheCurrentVersion_storesTheNext() {
        RetentionPolicy v1 = policy("e", "t3", draft());
        save.create(v1);
        RetentionPolicy v2 = TestPolicies.withRetention(PolicyDraft.of(v1), "P90D").toPolicy(v1.id(), PolicyVersion.of(2));

        save.update(v2);

        assertThat(load.findById(v1.id())).contains(v2);
        assertThat(load.findByTable(v1.table())).contains(v2);
    }

    @Test
    void updatingAStaleVersion_isAConflict_andChangesNothing() {
        RetentionPolicy v1 = policy("f", "t4", draft());
        save.create(v1);
        RetentionPolicy v2 = v1.withVersion(PolicyVersion.of(2));
        save.update(v2);

        RetentionPolicy staleV2 = TestPolicies.withRetention(PolicyDraft.of(v1), "P1D").toPolicy(v1.id(), PolicyVersion.of(2));

        assertThatThrownBy(() -> save.update(staleV2)).isInstanceOf(PolicyVersionConflictException.class);
        assertThat(load.findById(v1.id())).contains(v2);
    }

    @Test
    void updatingAMissingPolicy_isNotFound() {
        RetentionPolicy ghost = policy("g", "t5", draft()).withVersion(PolicyVersion.of(2));

        assertThatThrownBy(() -> save.update(ghost)).isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void deletingTheCurrentVersion_freesTheIdAndTheTable() {
        RetentionPolicy v1 = policy("h", "t6", draft());
        save.create(v1);

        save.delete(v1.id(), PolicyVersion.initial());

        assertThat(load.findById(v1.id())).isEmpty();
        assertThat(load.findByTable(v1.table())).isEmpty();
        save.create(policy("i", "t6", draft()));
        assertThat(load.findByTable(v1.table()).map(RetentionPolicy::id)).contains(id("i"));
    }

    @Test
    void deletingAStaleVersion_isAConflict_andDeletingAMissingPolicyIsNotFound() {
        RetentionPolicy v1 = policy("j", "t7", draft());
        save.create(v1);
        save.update(v1.withVersion(PolicyVersion.of(2)));

        assertThatThrownBy(() -> save.delete(v1.id(), PolicyVersion.initial())).isInstanceOf(PolicyVersionConflictException.class);
        assertThatThrownBy(() -> save.delete(id("nobody"), PolicyVersion.initial())).isInstanceOf(PolicyNotFoundException.class);
        assertThat(load.findById(v1.id())).isPresent();
    }

    @Test
    void listing_pagesInIdOrder_withoutGapsOrRepeats() {
        List<String> ids = List.of("p3", "p1", "p5", "p2", "p4");
        for (String suffix : ids) {
            save.create(policy(suffix, "list-" + suffix, draft()));
        }

        List<String> seen = new java.util.ArrayList<>();
        Optional<PolicyId> after = Optional.empty();
        for (int page = 0; page < 20; page++) {
            LoadPolicyPort.PolicyPage result = load.list(after, 2);
            assertThat(result.policies()).hasSizeLessThanOrEqualTo(2);
            result.policies().stream().map(p -> p.id().value()).filter(v -> v.startsWith(unique)).forEach(seen::add);
            if (result.next().isEmpty()) {
                break;
            }
            after = result.next();
        }

        assertThat(seen).containsExactly(unique + "-p1", unique + "-p2", unique + "-p3", unique + "-p4", unique + "-p5");
    }

    private RetentionPolicy policy(String id, String table, PolicyDraft draft) {
        return TestPolicies.withTable(draft, table + "-" + unique).toPolicy(id(id), PolicyVersion.initial());
    }

    private PolicyId id(String suffix) {
        return PolicyId.of(unique + "-" + suffix);
    }
}
