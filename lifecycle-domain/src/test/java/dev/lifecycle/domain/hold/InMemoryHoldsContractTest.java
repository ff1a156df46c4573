package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.testing.HoldsContract;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryHolds;

class InMemoryHoldsContractTest extends HoldsContract {

    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    @Override
    protected HoldsPort holdsPort() {
        return new InMemoryHolds(audit);
    }

    @Override
    protected AuditLogPort auditLog() {
        return audit;
    }
}
