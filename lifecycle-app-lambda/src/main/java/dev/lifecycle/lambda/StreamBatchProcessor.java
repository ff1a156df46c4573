package dev.lifecycle.lambda;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.ledger.LedgerKey;
import dev.lifecycle.domain.ledger.LedgerTally;
import dev.lifecycle.domain.ledger.RecordInLedgerUseCase;
import dev.lifecycle.domain.ledger.RecordInLedgerUseCase.LedgerWrite;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs one decoded batch through the archive use case, table by table, and says which records
 * failed, in batch order. Every record that is not archived or deliberately skipped is a failure,
 * and every failure and skip is logged with its sequence number and reason. After each table's
 * records, the outcomes are counted in the completeness ledger; a ledger that cannot be written
 * never fails or drops a record (they are archived already): it is logged as
 * {@code ledger-write-failed} with the table and days, and the report then shows the objects as
 * unaccounted.
 */
public final class StreamBatchProcessor {

    private static final Logger LOG = Logger.getLogger(StreamBatchProcessor.class);

    private final ArchiveChangesUseCase archive;
    private final Optional<RecordInLedgerUseCase> ledger;
    private final AtomicLong ledgerWriteFailures = new AtomicLong();

    /** A processor without a ledger. */
    public StreamBatchProcessor(ArchiveChangesUseCase archive) {
        this(archive, Optional.empty());
    }

    public StreamBatchProcessor(ArchiveChangesUseCase archive, Optional<RecordInLedgerUseCase> ledger) {
        this.archive = archive;
        this.ledger = ledger;
    }

    /** The sequence numbers to report as batch item failures; undecodable records are counted for the records' only table. */
    public List<SequenceNumber> process(List<IncomingRecord> records) {
        return process(Optional.empty(), records);
    }

    /**
     * The sequence numbers to report as batch item failures.
     *
     * @param batchTable the table the event source ARN names, if the batch is of one table: its
     *                   undecodable records are archived (failed) and counted with that table's
     */
    public List<SequenceNumber> process(Optional<TableName> batchTable, List<IncomingRecord> records) {
        Map<SequenceNumber, RecordOutcome> outcomes = new LinkedHashMap<>();
        Map<TableName, List<IncomingRecord>> byTable = new LinkedHashMap<>();
        List<IncomingRecord.Undecodable> undecodable = new ArrayList<>();
        for (IncomingRecord record : records) {
            outcomes.put(record.sequenceNumber(), null);
            if (record instanceof IncomingRecord.Decoded decoded) {
                byTable.computeIfAbsent(decoded.record().table(), table -> new ArrayList<>()).add(record);
            } else {
                undecodable.add((IncomingRecord.Undecodable) record);
            }
        }
        Optional<TableName> owner = batchTable.or(() -> byTable.size() == 1 ? Optional.of(byTable.keySet().iterator().next())
                : Optional.empty());
        if (owner.isPresent()) {
            byTable.computeIfAbsent(owner.get(), table -> new ArrayList<>()).addAll(undecodable);
        } else {
            for (IncomingRecord.Undecodable record : undecodable) {
                outcomes.put(record.sequenceNumber(), new RecordOutcome.Failed(record.sequenceNumber(), false,
                        "undecodable: " + record.reason()));
            }
            if (!undecodable.isEmpty()) {
                LOG.warnf("%d undecodable records of no known table: counted in no ledger", undecodable.size());
            }
        }
        byTable.forEach((table, tableRecords) -> {
            ArchiveChangesCommand command = new ArchiveChangesCommand(table, tableRecords);
            BatchResult result = archive.archive(command);
            result.outcomes().forEach(outcome -> outcomes.put(outcome.sequenceNumber(), outcome));
            ledger.ifPresent(recorder -> count(recorder, command, result));
        });
        return report(outcomes);
    }

    private void count(RecordInLedgerUseCase recorder, ArchiveChangesCommand command, BatchResult result) {
        LedgerWrite write;
        try {
            write = recorder.record(command, result);
        } catch (RuntimeException e) {
            // The use case promises not to throw; if it does, the records still stand as archived.
            write = new LedgerWrite.NotRecorded(LedgerTally.empty(), "the ledger threw: " + e);
        }
        if (write instanceof LedgerWrite.NotRecorded notRecorded) {
            TreeSet<String> days = new TreeSet<>();
            notRecorded.tally().increments().keySet().stream().map(LedgerKey::day).map(Object::toString).forEach(days::add);
            LOG.warnf("ledger-write-failed table=%s days=%s records=%d failures-since-start=%d: %s; the records are archived,"
                            + " and the completeness report will show them as UNACCOUNTED_OBJECTS",
                    command.table(), days, command.records().size(), ledgerWriteFailures.incrementAndGet(), notRecorded.reason());
        }
    }

    /** How many ledger writes failed since this processor started. */
    public long ledgerWriteFailures() {
        return ledgerWriteFailures.get();
    }

    private static List<SequenceNumber> report(Map<SequenceNumber, RecordOutcome> outcomes) {
        List<SequenceNumber> failed = new ArrayList<>();
        int archived = 0;
        int alreadyPresent = 0;
        int skipped = 0;
        for (Map.Entry<SequenceNumber, RecordOutcome> entry : outcomes.entrySet()) {
            RecordOutcome outcome = entry.getValue();
            if (outcome instanceof RecordOutcome.Archived done) {
                archived++;
                alreadyPresent += done.alreadyPresent() ? 1 : 0;
                LOG.debugf("record %s archived at %s%s", entry.getKey(), done.location(), done.alreadyPresent() ? " (already present)" : "");
            } else if (outcome instanceof RecordOutcome.Skipped skip) {
                skipped++;
                LOG.infof("record %s skipped: %s", entry.getKey(), skip.reason().describe());
            } else if (outcome instanceof RecordOutcome.Failed failure) {
                failed.add(entry.getKey());
                LOG.warnf("record %s failed (%s): %s", entry.getKey(), failure.retryable() ? "retryable" : "permanent",
                        failure.reason());
            } else {
                // The use case must answer for every record; one it forgot is a failure, never a success.
                failed.add(entry.getKey());
                LOG.errorf("record %s got no outcome from the archive use case: reported failed", entry.getKey());
            }
        }
        LOG.infof("batch of %d records: %d archived (%d already present), %d skipped, %d failed",
                outcomes.size(), archived, alreadyPresent, skipped, failed.size());
        return failed;
    }
}
