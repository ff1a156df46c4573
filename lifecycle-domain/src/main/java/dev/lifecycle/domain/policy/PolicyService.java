package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Policy management: validates, applies the change rules, stores with optimistic locking, audits. */
public final class PolicyService implements ManagePoliciesUseCase {

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
        save.create(policy);
        List<FieldChange> fields = new ArrayList<>();
        for (Map.Entry<String, String> field : PolicyDescription.of(policy).entrySet()) {
            if (field.getValue() != null) {
                fields.add(new FieldChange(field.getKey(), null, field.getValue()));
            }
        }
        record(policy.id(), AuditAction.POLICY_DECLARED, command.actor(), "declared at version 1", fields);
        return policy;
    }

    @Override
    public RetentionPolicy change(ChangePolicyCommand command) {
        RetentionPolicy current = current(command.id(), command.expectedVersion());
        RetentionPolicy proposed = command.draft().toPolicy(command.id(), current.version().next());
        if (PolicyChangeRules.checkChange(current, proposed) instanceof PolicyChangeRules.Decision.Rejected rejected) {
            throw new PolicyChangeRejectedException(command.id(), rejected.violations());
        }
        save.update(proposed);
        record(proposed.id(), AuditAction.POLICY_CHANGED, command.actor(),
                "version " + current.version() + " -> " + proposed.version(), PolicyDescription.diff(current, proposed));
        return proposed;
    }

    @Override
    public void delete(DeletePolicyCommand command) {
        RetentionPolicy current = current(command.id(), command.expectedVersion());
        if (PolicyChangeRules.checkDeletion(current) instanceof PolicyChangeRules.Decision.Rejected rejected) {
            throw new PolicyChangeRejectedException(command.id(), rejected.violations());
        }
        save.delete(command.id(), command.expectedVersion());
        record(command.id(), AuditAction.POLICY_DELETED, command.actor(), "deleted at version " + current.version(), List.of());
    }

    private RetentionPolicy current(PolicyId id, PolicyVersion expected) {
        RetentionPolicy current = load.findById(id).orElseThrow(() -> new PolicyNotFoundException(id));
        if (!current.version().equals(expected)) {
            throw new PolicyVersionConflictException(id, expected, current.version());
        }
        return current;
    }

    private void record(PolicyId id, AuditAction action, String actor, String summary, List<FieldChange> changes) {
        audit.append(new AuditRecord("policy/" + id, action, actor, clock.instant(), summary, changes));
    }
}
