package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;

/** What one set of ledger counters is for: a table, a UTC day and a cause. */
public record LedgerKey(TableName table, LocalDate day, LedgerCause cause) {

    public LedgerKey {
        if (table == null || day == null || cause == null) {
            throw new IllegalArgumentException("a ledger key needs table, day and cause, was " + table + ", " + day + ", " + cause);
        }
    }
}
