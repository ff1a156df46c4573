package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyAlreadyExistsException;
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
import java.util.TreeMap;

/**
 * The policy ports in memory, with the same optimistic locking the DynamoDB adapter has; each
 * successful write appends its audit record to the given log, a refused one appends nothing.
 */
public final class InMemoryPolicyRepository implements LoadPolicyPort, SavePolicyPort {

    private final TreeMap<String, RetentionPolicy> policies = new TreeMap<>();
    private final InMemoryAuditLog audit;

    public InMemoryPolicyRepository() {
        this(new InMemoryAuditLog());
    }

    public InMemoryPolicyRepository(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    /** The log this repository appends its audit records to. */
    public InMemoryAuditLog auditLog() {
        return audit;
    }

    @Override
    public synchronized Optional<RetentionPolicy> findById(PolicyId id) {
        return Optional.ofNullable(policies.get(id.value()));
    }

    @Override
    public synchronized Optional<RetentionPolicy> findByTable(TableName table) {
        return policies.values().stream().filter(p -> p.table().equals(table)).findFirst();
    }

    @Override
    public synchronized PolicyPage list(Optional<PolicyId> after, int limit) {
        List<RetentionPolicy> page = (after.isPresent() ? policies.tailMap(after.get().value(), false) : policies)
                .values().stream().limit(limit + 1L).toList();
        boolean more = page.size() > limit;
        List<RetentionPolicy> shown = more ? page.subList(0, limit) : page;
        return new PolicyPage(shown, more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
    }

    /** Stores a policy for a test's setup, with {@link TestPolicies#setUpAudit}. */
    public void add(RetentionPolicy policy) {
        create(policy, TestPolicies.setUpAudit(policy));
    }

    @Override
    public synchronized void create(RetentionPolicy policy, AuditRecord record) {
        if (policies.containsKey(policy.id().value())) {
            throw new PolicyAlreadyExistsException(policy.id());
        }
        findByTable(policy.table()).ifPresent(other -> {
            throw new TableAlreadyGovernedException(policy.table(), other.id());
        });
        policies.put(policy.id().value(), policy);
        audit.append(record);
    }

    @Override
    public synchronized void update(RetentionPolicy policy, AuditRecord record) {
        RetentionPolicy current = policies.get(policy.id().value());
        if (current == null) {
            throw new PolicyNotFoundException(policy.id());
        }
        PolicyVersion replaced = PolicyVersion.of(policy.version().value() - 1);
        if (!current.version().equals(replaced)) {
            throw new PolicyVersionConflictException(policy.id(), replaced, current.version());
        }
        policies.put(policy.id().value(), policy);
        audit.append(record);
    }

    @Override
    public synchronized void delete(PolicyId id, PolicyVersion expected, AuditRecord record) {
        RetentionPolicy current = policies.get(id.value());
        if (current == null) {
            throw new PolicyNotFoundException(id);
        }
        if (!current.version().equals(expected)) {
            throw new PolicyVersionConflictException(id, expected, current.version());
        }
        policies.remove(id.value());
        audit.append(record);
    }
}
