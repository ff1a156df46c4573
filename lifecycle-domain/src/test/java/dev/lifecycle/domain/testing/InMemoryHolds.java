package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.hold.HoldAlreadyExistsException;
import dev.lifecycle.domain.hold.HoldId;
import dev.lifecycle.domain.hold.HoldRecord;
import dev.lifecycle.domain.hold.HoldsPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** Holds in memory; each placement and release appends its audit record to the given log. */
public final class InMemoryHolds implements HoldsPort {

    private final TreeMap<String, HoldRecord> holds = new TreeMap<>();
    private final InMemoryAuditLog audit;

    public InMemoryHolds(InMemoryAuditLog audit) {
        this.audit = audit;
    }

    @Override
    public synchronized void place(HoldRecord hold, AuditRecord record) {
        if (holds.containsKey(hold.id().value())) {
            throw new HoldAlreadyExistsException(hold.id());
        }
        holds.put(hold.id().value(), hold);
        audit.append(record);
    }

    @Override
    public synchronized void recordProgress(HoldRecord hold) {
        holds.computeIfPresent(hold.id().value(), (id, stored) -> stored.state() != hold.state() ? stored
                : new HoldRecord(stored.hold(), stored.state(), hold.archivesHeldThrough(), hold.problem(), stored.releasedAt(),
                        stored.releasedBy()));
    }

    @Override
    public synchronized void release(HoldRecord released, AuditRecord record) {
        holds.put(released.id().value(), released);
        audit.append(record);
    }

    @Override
    public synchronized void remove(HoldId id) {
        holds.remove(id.value());
    }

    @Override
    public synchronized Optional<HoldRecord> find(HoldId id) {
        return Optional.ofNullable(holds.get(id.value()));
    }

    @Override
    public synchronized List<HoldRecord> all() {
        return new ArrayList<>(holds.values());
    }
}
