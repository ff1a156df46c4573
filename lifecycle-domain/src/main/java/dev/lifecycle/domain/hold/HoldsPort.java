package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/** Stores legal holds. */
public interface HoldsPort {

    void place(LegalHold hold);

    /** Removes the hold; returns it, or empty when there was none. */
    Optional<LegalHold> release(HoldId id);

    List<LegalHold> holdsOn(TableName table);
}
