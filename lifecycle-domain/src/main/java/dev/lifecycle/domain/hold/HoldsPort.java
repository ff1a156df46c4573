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

    /**
     * Stores the enforcement progress of the record ({@code archivesHeldThrough} and {@code problem})
     * and nothing else, and only while the stored hold is still in the record's state: a run that
     * began before a release never turns the release back. Writes nothing when the hold is gone.
     */
    void recordProgress(HoldRecord hold);

    /** Marks the hold released, with its audit record, both or neither. */
    void release(HoldRecord released, AuditRecord record);

    /** Forgets a released hold once its cleanup is done. */
    void remove(HoldId id);

    Optional<HoldRecord> find(HoldId id);

    /** Every hold, active and releasing, in id order. */
    List<HoldRecord> all();
}
