package dev.lifecycle.domain.audit;

import java.util.List;

/** An append-only log of changes made through the platform. */
public interface AuditLogPort {

    void append(AuditRecord record);

    /** The records of one subject, oldest first. */
    List<AuditRecord> history(String subject);
}
