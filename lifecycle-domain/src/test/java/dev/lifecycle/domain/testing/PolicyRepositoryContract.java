package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
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
import java.time.Instant;
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
    private AuditLogPort audit;
    private String unique;

    /** A repository with no policies, or one whose contents the tests' unique names cannot collide with. */
    protected abstract LoadPolicyPort loadPort();

    protected abstract SavePolicyPort savePort();

    /** The audit log the save port writes its records to. */
    protected abstract AuditLogPort auditPort();

    @BeforeEach
    void setUpRepository() {
        load = loadPort();
        save = savePort();
        audit = auditPort();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aCreatedPolicy_isFoundByIdAndByTable_equalToWhatWasStored() {
        RetentionPolicy policy = policy("a", "orders", TestPolicies.withLock(TestPolicies.withKeyFilter(draft(), "tenant#"),
                new PolicyDraft.LockDraft("COMPLIANCE", 30)));

        save.create(policy, audit("create"));

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
        save.create(policy("b", "t1", draft()), audit("create"));

        assertThatThrownBy(() -> save.create(policy("b", "t2", draft()), audit("create"))).isInstanceOf(PolicyAlreadyExistsException.class);
        assertThat(load.findByTable(TableName.of("t2-" + unique))).isEmpty();
    }

    @Test
    void aSecondPolicyForTheSameTable_isRefused_namingTheFirst() {
        RetentionPolicy first = policy("c", "shared", draft());
        save.create(first, audit("create"));

        assertThatThrownBy(() -> save.create(policy("d", "shared", draft()), audit("create")))
                .isInstanceOfSatisfying(TableAlreadyGovernedException.class, e -> assertThat(e.governedBy()).isEqualTo(first.id()));
        assertThat(load.findById(id("d"))).isEmpty();
    }

    @Test
    void updatingTheCurrentVersion_storesTheNext() {
        RetentionPolicy v1 = policy("e", "t3", draft());
        save.create(v1, audit("create"));
        RetentionPolicy v2 = TestPolicies.withRetention(PolicyDraft.of(v1), "P90D").toPolicy(v1.id(), PolicyVersion.of(2));

        save.update(v2, audit("update"));

        assertThat(load.findById(v1.id())).contains(v2);
        assertThat(load.findByTable(v1.table())).contains(v2);
    }

    @Test
    void updatingAStaleVersion_isAConflict_andChangesNothing() {
        RetentionPolicy v1 = policy("f", "t4", draft());
        save.create(v1, audit("create"));
        RetentionPolicy v2 = v1.withVersion(PolicyVersion.of(2));
        save.update(v2, audit("update"));

        RetentionPolicy staleV2 = TestPolicies.withRetention(PolicyDraft.of(v1), "P1D").toPolicy(v1.id(), PolicyVersion.of(2));

        assertThatThrownBy(() -> save.update(staleV2, audit("update"))).isInstanceOf(PolicyVersionConflictException.class);
        assertThat(load.findById(v1.id())).contains(v2);
    }

    @Test
    void updatingAMissingPolicy_isNotFound() {
        RetentionPolicy ghost = policy("g", "t5", draft()).withVersion(PolicyVersion.of(2));

        assertThatThrownBy(() -> save.update(ghost, audit("update"))).isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void deletingTheCurrentVersion_freesTheIdAndTheTable() {
        RetentionPolicy v1 = policy("h", "t6", draft());
        save.create(v1, audit("create"));

        save.delete(v1.id(), PolicyVersion.initial(), audit("delete"));

        assertThat(load.findById(v1.id())).isEmpty();
        assertThat(load.findByTable(v1.table())).isEmpty();
        save.create(policy("i", "t6", draft()), audit("create"));
        assertThat(load.findByTable(v1.table()).map(RetentionPolicy::id)).contains(id("i"));
    }

    @Test
    void deletingAStaleVersion_isAConflict_andDeletingAMissingPolicyIsNotFound() {
        RetentionPolicy v1 = policy("j", "t7", draft());
        save.create(v1, audit("create"));
        save.update(v1.withVersion(PolicyVersion.of(2)), audit("update"));

        assertThatThrownBy(() -> save.delete(v1.id(), PolicyVersion.initial(), audit("delete"))).isInstanceOf(PolicyVersionConflictException.class);
        assertThatThrownBy(() -> save.delete(id("nobody"), PolicyVersion.initial(), audit("delete"))).isInstanceOf(PolicyNotFoundException.class);
        assertThat(load.findById(v1.id())).isPresent();
    }

    @Test
    void listing_pagesInIdOrder_withoutGapsOrRepeats() {
        List<String> ids = List.of("p3", "p1", "p5", "p2", "p4");
        for (String suffix : ids) {
            save.create(policy(suffix, "list-" + suffix, draft()), audit("create"));
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

    @Test
    void eachWrite_storesItsAuditRecord_andARefusedWriteStoresNone() {
        RetentionPolicy v1 = policy("k", "t8", draft());
        String subject = "policy/" + v1.id();
        AuditRecord declared = new AuditRecord(subject, AuditAction.POLICY_DECLARED, "alice", Instant.parse("2026-11-22T10:00:00Z"),
                "declared at version 1", List.of(new FieldChange("retention", null, "P30D"), new FieldChange("sortKey", null, null)));
        save.create(v1, declared);
        AuditRecord changed = new AuditRecord(subject, AuditAction.POLICY_CHANGED, "bob", Instant.parse("2026-11-22T10:00:00.5Z"),
                "version 1 -> 2", List.of(new FieldChange("retention", "P30D", "P90D")));
        save.update(v1.withVersion(PolicyVersion.of(2)), changed);

        AuditRecord refused = new AuditRecord(subject, AuditAction.POLICY_CHANGED, "mallory", Instant.parse("2026-11-22T10:00:01Z"),
                "stale", List.of());
        assertThatThrownBy(() -> save.update(v1.withVersion(PolicyVersion.of(2)), refused))
                .isInstanceOf(PolicyVersionConflictException.class);
        assertThatThrownBy(() -> save.delete(v1.id(), PolicyVersion.initial(), refused))
                .isInstanceOf(PolicyVersionConflictException.class);
        assertThatThrownBy(() -> save.create(v1, refused)).isInstanceOf(PolicyAlreadyExistsException.class);
        AuditRecord deleted = new AuditRecord(subject, AuditAction.POLICY_DELETED, "carol", Instant.parse("2026-11-22T10:00:02Z"),
                "deleted at version 2", List.of());
        save.delete(v1.id(), PolicyVersion.of(2), deleted);

        assertThat(audit.history(subject)).containsExactly(declared, changed, deleted);
    }

    @Test
    void historyIsKeptPerSubject() {
        RetentionPolicy policy = policy("l", "t9", draft());
        save.create(policy, audit("create"));

        assertThat(audit.history("contract/" + unique)).extracting(AuditRecord::summary).containsExactly("create");
        assertThat(audit.history("contract/" + unique + "-other")).isEmpty();
    }

    @Test
    void appendedRecords_areReadBackInTimeOrder_evenWithinOneMillisecond() {
        String subject = "hold/" + unique;
        Instant base = Instant.parse("2026-11-22T11:00:00Z");
        List<AuditRecord> records = List.of(
                new AuditRecord(subject, AuditAction.HOLD_PLACED, "alice", base, "placed", List.of(new FieldChange("scope", null, "table orders"))),
                new AuditRecord(subject, AuditAction.HOLD_RELEASED, "bob", base.plusNanos(1_000), "released", List.of()),
                new AuditRecord(subject, AuditAction.HOLD_PLACED, "carol", base.plusSeconds(86_400 * 400L), "again", List.of()));
        records.forEach(audit::append);

        assertThat(audit.history(subject)).containsExactlyElementsOf(records);
    }

    private AuditRecord audit(String what) {
        return new AuditRecord("contract/" + unique, AuditAction.POLICY_CHANGED, "contract-test", Instant.parse("2026-11-22T09:00:00Z"),
                what, List.of());
    }

    private RetentionPolicy policy(String id, String table, PolicyDraft draft) {
        return TestPolicies.withTable(draft, table + "-" + unique).toPolicy(id(id), PolicyVersion.initial());
    }

    private PolicyId id(String suffix) {
        return PolicyId.of(unique + "-" + suffix);
    }
}
