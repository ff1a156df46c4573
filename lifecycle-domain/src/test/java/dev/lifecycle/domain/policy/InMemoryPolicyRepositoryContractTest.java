package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.PolicyRepositoryContract;

class InMemoryPolicyRepositoryContractTest extends PolicyRepositoryContract {

    private final InMemoryPolicyRepository repository = new InMemoryPolicyRepository();

    @Override
    protected LoadPolicyPort loadPort() {
        return repository;
    }

    @Override
    protected SavePolicyPort savePort() {
        return repository;
    }

    @Override
    protected AuditLogPort auditPort() {
        return repository.auditLog();
    }
}
