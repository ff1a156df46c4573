package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import java.util.ArrayList;
import java.util.List;

/** The audit log in memory. */
public final class InMemoryAuditLog implements AuditLogPort {

    private final List<AuditRecord> records = new ArrayList<>();

    @Override
    public synchronized void append(AuditRecord record) {
        records.add(record);
    }

    @Override
    public synchronized List<AuditRecord> history(String subject) {
        return records.stream().filter(r -> r.subject().equals(subject)).toList();
    }

    public synchronized List<AuditRecord> all() {
        return List.copyOf(records);
    }
}
