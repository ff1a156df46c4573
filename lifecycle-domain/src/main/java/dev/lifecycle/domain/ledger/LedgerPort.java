package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.Map;

/** Keeps the ledger's counters: adds increments from many processors at once without losing any, and reads a table's day. */
public interface LedgerPort {

    /**
     * Adds each key's increments to its stored counters. Each key's increment is applied whole or
     * not at all, and concurrent additions to the same key all count; the keys of one tally are
     * not written together, so a failure part-way can leave some keys added.
     *
     * @throws dev.lifecycle.domain.failure.DependencyFailureException when the store fails
     */
    void add(LedgerTally tally);

    /** A table's counters of one day, per cause; causes with nothing counted are absent. */
    Map<LedgerCause, LedgerCounts> day(TableName table, LocalDate day);
}
