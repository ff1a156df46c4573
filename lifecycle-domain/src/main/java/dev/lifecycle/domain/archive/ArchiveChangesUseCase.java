package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.util.List;

/** Archives the removals in one batch of stream records of one table. */
public interface ArchiveChangesUseCase {

    BatchResult archive(ArchiveChangesCommand command);

    /** A batch as delivered: decoded records, and those that could not even be decoded. */
    record ArchiveChangesCommand(TableName table, List<IncomingRecord> records) {
        public ArchiveChangesCommand {
            if (table == null || records == null) {
                throw new IllegalArgumentException("a batch names its table and carries a record list");
            }
            records = List.copyOf(records);
        }
    }

    /** One record of a batch. */
    sealed interface IncomingRecord {
        SequenceNumber sequenceNumber();

        record Decoded(ChangeRecord record) implements IncomingRecord {
            @Override
            public SequenceNumber sequenceNumber() {
                return record.sequenceNumber();
            }
        }

        /** A record the adapter could not translate; it fails, and its reason is logged. */
        record Undecodable(SequenceNumber sequenceNumber, String reason) implements IncomingRecord {
        }
    }

    /** What became of each record, in batch order. */
    record BatchResult(List<RecordOutcome> outcomes) {
        public BatchResult {
            outcomes = List.copyOf(outcomes);
        }

        /** The records to report as batch item failures, in batch order. */
        public List<SequenceNumber> failedSequenceNumbers() {
            return outcomes.stream().filter(RecordOutcome.Failed.class::isInstance)
                    .map(RecordOutcome::sequenceNumber).toList();
        }
    }

    /** The outcome of one record. Only {@code Failed} is reported back to the stream. */
    sealed interface RecordOutcome {
        SequenceNumber sequenceNumber();

        record Archived(SequenceNumber sequenceNumber, ArchiveLocation location, boolean alreadyPresent)
                implements RecordOutcome {
        }

        record Skipped(SequenceNumber sequenceNumber, SkipReason reason) implements RecordOutcome {
        }

        record Failed(SequenceNumber sequenceNumber, boolean retryable, String reason) implements RecordOutcome {
        }
    }
}
