package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;

/** Counts a processed batch in the ledger. Never throws: the batch's records are archived already, whatever the ledger does. */
public interface RecordInLedgerUseCase {

    LedgerWrite record(ArchiveChangesCommand command, BatchResult result);

    /** What became of a batch's tally. */
    sealed interface LedgerWrite {

        /** The tally was added to the ledger. */
        record Recorded(LedgerTally tally) implements LedgerWrite {
        }

        /**
         * The tally could not be added (or not wholly): the archive holds objects the ledger does
         * not count, and the completeness report shows them as unaccounted.
         */
        record NotRecorded(LedgerTally tally, String reason) implements LedgerWrite {
        }
    }
}
