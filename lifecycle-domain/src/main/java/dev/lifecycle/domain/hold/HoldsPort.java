package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.audit.AuditRecord;
import java.util.List;
import java.util.Optional;

/** Stores legal holds; placing and releasing one is written together with its audit record. */
public interface HoldsPort {

    /**
     * Stores a new hold and its audit record, both or neither.
     *
     * @throws HoldAlreadyExistsException when a hold with the id exists (active or still releasing)
     */
    void place(HoldRecord hold, AuditRecord record);

    /** Replaces the hold's record (enforcement progress); writes nothing when the hold is gone. */
    void update(HoldRecord hold);

    /** Marks the hold released, with its audit record, both or neither. */
    void release(HoldRecord released, AuditRecord record);

    /** Forgets a released hold once its cleanup is done. */
    void remove(HoldId id);

    Optional<HoldRecord> find(HoldId id);

    /** Every hold, active and releasing, in id order. */
    List<HoldRecord> all();
}
