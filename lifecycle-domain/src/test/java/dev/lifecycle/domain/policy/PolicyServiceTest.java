package dev.lifecycle.domain.policy;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.locked;
import static dev.lifecycle.domain.testing.TestPolicies.withRetention;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.ChangePolicyCommand;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.DeclarePolicyCommand;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.DeletePolicyCommand;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.TestPolicies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final PolicyId ID = PolicyId.of("orders-retention");

    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryPolicyRepository repository = new InMemoryPolicyRepository(audit);
    private final PolicyService service = new PolicyService(repository, repository, audit, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void declaring_storesVersionOne_andAuditsWhoAndWhen() {
        RetentionPolicy policy = service.declare(new DeclarePolicyCommand(ID, draft(), "alice"));

        assertThat(policy.version()).isEqualTo(PolicyVersion.initial());
        assertThat(repository.findById(ID)).contains(policy);
        AuditRecord record = audit.history("policy/orders-retention").get(0);
        assertThat(record.action()).isEqualTo(AuditAction.POLICY_DECLARED);
        assertThat(record.actor()).isEqualTo("alice");
        assertThat(record.at()).isEqualTo(NOW);
        assertThat(record.changes()).contains(new FieldChange("retention", null, "P30D"));
    }

    @Test
    void declaringAnInvalidPolicy_storesNothing() {
        assertThatThrownBy(() -> service.declare(new DeclarePolicyCommand(ID, withRetention(draft(), "P0D"), "alice")))
                .isInstanceOf(InvalidPolicyException.class);
        assertThat(repository.findById(ID)).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void secondPolicyForTheSameTable_isRefused() {
        service.declare(new DeclarePolicyCommand(ID, draft(), "alice"));

        assertThatThrownBy(() -> service.declare(new DeclarePolicyCommand(PolicyId.of("other"), draft(), "bob")))
                .isInstanceOfSatisfying(TableAlreadyGovernedException.class, e -> assertThat(e.governedBy()).isEqualTo(ID));
    }

    @Test
    void changing_createsTheNextVersion_andAuditsTheDiff() {
        service.declare(new DeclarePolicyCommand(ID, draft(), "alice"));

        RetentionPolicy changed = service.change(new ChangePolicyCommand(ID, PolicyVersion.initial(),
                withRetention(draft(), "P60D"), "bob"));

        assertThat(changed.version()).isEqualTo(PolicyVersion.of(2));
        AuditRecord record = audit.history("policy/orders-retention").get(1);
        assertThat(record.action()).isEqualTo(AuditAction.POLICY_CHANGED);
        assertThat(record.summary()).isEqualTo("version 1 -> 2");
        assertThat(record.changes()).containsExactly(new FieldChange("retention", "P30D", "P60D"));
    }

    @Test
    void changingAStaleVersion_isAConflict() {
        service.declare(new DeclarePolicyCommand(ID, draft(), "alice"));
        service.change(new ChangePolicyCommand(ID, PolicyVersion.initial(), withRetention(draft(), "P60D"), "bob"));

        assertThatThrownBy(() -> service.change(new ChangePolicyCommand(ID, PolicyVersion.initial(),
                withRetention(draft(), "P90D"), "carol")))
                .isInstanceOfSatisfying(PolicyVersionConflictException.class,
                        e -> assertThat(e.actual()).isEqualTo(PolicyVersion.of(2)));
        assertThat(repository.findById(ID).map(RetentionPolicy::retention).map(Object::toString)).contains("P60D");
    }

    @Test
    void weakeningALockedPolicy_isRejected_andNothingChanges() {
        service.declare(new DeclarePolicyCommand(ID, locked(draft(), true), "alice"));

        assertThatThrownBy(() -> service.change(new ChangePolicyCommand(ID, PolicyVersion.initial(),
                locked(withRetention(draft(), "P1D"), true), "mallory")))
                .isInstanceOfSatisfying(PolicyChangeRejectedException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("retention"));
        assertThat(repository.findById(ID).map(RetentionPolicy::version)).contains(PolicyVersion.initial());
        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void deletingALockedPolicy_isRejected_unlockedIsDeletedAndAudited() {
        service.declare(new DeclarePolicyCommand(ID, locked(draft(), true), "alice"));
        assertThatThrownBy(() -> service.delete(new DeletePolicyCommand(ID, PolicyVersion.initial(), "mallory")))
                .isInstanceOf(PolicyChangeRejectedException.class);

        PolicyId other = PolicyId.of("invoices");
        service.declare(new DeclarePolicyCommand(other, TestPolicies.withTable(draft(), "invoices"), "alice"));
        service.delete(new DeletePolicyCommand(other, PolicyVersion.initial(), "bob"));

        assertThat(repository.findById(other)).isEmpty();
        assertThat(audit.history("policy/invoices")).extracting(AuditRecord::action)
                .containsExactly(AuditAction.POLICY_DECLARED, AuditAction.POLICY_DELETED);
    }

    @Test
    void changingOrDeletingAnUnknownPolicy_isNotFound() {
        assertThatThrownBy(() -> service.delete(new DeletePolicyCommand(ID, PolicyVersion.initial(), "bob")))
                .isInstanceOf(PolicyNotFoundException.class).hasMessageContaining("orders-retention");
    }

    @Test
    void policiesArePagedInIdOrder() {
        for (String id : new String[] {"c", "a", "b"}) {
            repository.add(TestPolicies.withTable(draft(), "table-" + id).toPolicy(PolicyId.of(id), PolicyVersion.initial()));
        }

        LoadPolicyPort.PolicyPage first = repository.list(Optional.empty(), 2);
        LoadPolicyPort.PolicyPage second = repository.list(first.next(), 2);

        assertThat(first.policies()).extracting(p -> p.id().value()).containsExactly("a", "b");
        assertThat(second.policies()).extracting(p -> p.id().value()).containsExactly("c");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void history_listsEveryChangeOldestFirst_andOutlivesTheDeletedPolicy() {
        RetentionPolicy v1 = service.declare(new DeclarePolicyCommand(ID, draft(), "alice"));
        service.change(new ChangePolicyCommand(ID, v1.version(), withRetention(draft(), "P90D"), "bob"));
        service.delete(new DeletePolicyCommand(ID, PolicyVersion.of(2), "carol"));

        assertThat(service.history(ID)).extracting(AuditRecord::actor).containsExactly("alice", "bob", "carol");
        assertThat(service.find(ID)).isEmpty();
    }

    @Test
    void historyOfAPolicyThatNeverExisted_isNotFound() {
        assertThatThrownBy(() -> service.history(PolicyId.of("never"))).isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void listing_refusesPageSizesOutsideOneToTheMaximum() {
        assertThatThrownBy(() -> service.list(Optional.empty(), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> service.list(Optional.empty(), ViewPoliciesUseCase.MAX_PAGE_SIZE + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 100");
        assertThat(service.list(Optional.empty(), ViewPoliciesUseCase.MAX_PAGE_SIZE).policies()).isEmpty();
    }
}
