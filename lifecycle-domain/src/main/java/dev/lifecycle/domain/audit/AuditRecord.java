package dev.lifecycle.domain.audit;

import java.time.Instant;
import java.util.List;

/** Who did what to which subject, when, and what changed. */
public record AuditRecord(String subject, AuditAction action, String actor, Instant at, String summary,
                          List<FieldChange> changes) {

    public AuditRecord {
        if (subject == null || subject.isEmpty()) {
            throw new IllegalArgumentException("an audit record names its subject (for example policy/orders-ttl)");
        }
        if (action == null || at == null) {
            throw new IllegalArgumentException("an audit record has an action and a time");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("an audit record names who acted");
        }
        summary = summary == null ? "" : summary;
        changes = List.copyOf(changes);
    }
}
