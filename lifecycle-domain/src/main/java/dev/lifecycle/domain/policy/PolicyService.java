package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Policy management: validates, applies the change rules, stores with optimistic locking and its audit record. */
public final class PolicyService implements ManagePoliciesUseCase, ViewPoliciesUseCase {

    private final LoadPolicyPort load;
    private final SavePolicyPort save;
    private final AuditLogPort audit;
    private final Clock clock;

    public PolicyService(LoadPolicyPort load, SavePolicyPort save, AuditLogPort audit, Clock clock) {
        this.load = load;
        this.save = save;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public RetentionPolicy declare(DeclarePolicyCommand command) {
        RetentionPolicy policy = command.draft().toPolicy(command.id(), PolicyVersion.initial());
        List<FieldChange> fields = new ArrayList<>();
        for (Map.Entry<String, String> field : PolicyDescription.of(policy).entrySet()) {
            if (field.getValue() != null) {
                fields.add(new FieldChange(field.getKey(), null, field.getValue()));
            }
        }
        save.create(policy, audit(policy.id(), AuditAction.POLICY_DECLARED, command.actor(), "declared at version 1", fields));
        return policy;
    }

    @Override
    public RetentionPolicy change(ChangePolicyCommand command) {
        RetentionPolicy current = current(command.id(), command.expectedVersion());
        RetentionPolicy proposed = command.draft().toPolicy(command.id(), current.version().next());
        if (PolicyChangeRules.checkChange(current, proposed) instanceof PolicyChangeRules.Decision.Rejected rejected) {
            throw new PolicyChangeRejectedException(command.id(), rejected.violations());
        }
        save.update(proposed, audit(proposed.id(), AuditAction.POLICY_CHANGED, command.actor(),
                "version " + current.version() + " -> " + proposed.version(), PolicyDescription.diff(current, proposed)));
        return proposed;
    }

    @Override
    public void delete(DeletePolicyCommand command) {
        RetentionPolicy current = current(command.id(), command.expectedVersion());
        if (PolicyChangeRules.checkDeletion(current) instanceof PolicyChangeRules.Decision.Rejected rejected) {
            throw new PolicyChangeRejectedException(command.id(), rejected.violations());
        }
        save.delete(command.id(), command.expectedVersion(),
                audit(command.id(), AuditAction.POLICY_DELETED, command.actor(), "deleted at version " + current.version(), List.of()));
    }

    @Override
    public Optional<RetentionPolicy> find(PolicyId id) {
        return load.findById(id);
    }

    @Override
    public LoadPolicyPort.PolicyPage list(Optional<PolicyId> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1 to " + MAX_PAGE_SIZE + ", was " + limit);
        }
        return load.list(after, limit);
    }

    @Override
    public List<AuditRecord> history(PolicyId id) {
        List<AuditRecord> records = audit.history(subject(id));
        if (records.isEmpty() && load.findById(id).isEmpty()) {
            throw new PolicyNotFoundException(id);
        }
        return records;
    }

    private RetentionPolicy current(PolicyId id, PolicyVersion expected) {
        RetentionPolicy current = load.findById(id).orElseThrow(() -> new PolicyNotFoundException(id));
        if (!current.version().equals(expected)) {
            throw new PolicyVersionConflictException(id, expected, current.version());
        }
        return current;
    }

    private AuditRecord audit(PolicyId id, AuditAction action, String actor, String summary, List<FieldChange> changes) {
        return new AuditRecord(subject(id), action, actor, clock.instant(), summary, changes);
    }

    /** The audit subject under which a policy's history is kept. */
    public static String subject(PolicyId id) {
        return "policy/" + id;
    }
}
