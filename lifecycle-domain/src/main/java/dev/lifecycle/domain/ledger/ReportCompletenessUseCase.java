package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;

/** Answers "was everything that was deleted from this table on this day archived?", as far as a ledger can tell. */
public interface ReportCompletenessUseCase {

    /**
     * @throws dev.lifecycle.domain.policy.TableNotGovernedException when no policy governs the table
     *         (so the archive's bucket and prefix are unknown)
     */
    CompletenessReport report(CompletenessQuery query);

    /** A governed table and a UTC day. */
    record CompletenessQuery(TableName table, LocalDate day) {
        public CompletenessQuery {
            if (table == null || day == null) {
                throw new IllegalArgumentException("a completeness query needs a table and a day");
            }
        }
    }
}
