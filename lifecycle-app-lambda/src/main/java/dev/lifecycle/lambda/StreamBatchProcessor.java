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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Runs one decoded batch through the archive use case, table by table, and says which records
 * failed, in batch order, each sequence number once (a malformed batch may carry one twice: it is
 * reported if any record under it failed). Every record that is not archived or deliberately
 * skipped is a failure, and every failure and skip is logged with its sequence number and reason.
 * After each table's records, the outcomes are counted in the completeness ledger; a ledger that
 * cannot be written never fails or drops a record (they are archived already): it is logged as
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
        // One outcome per record, by position: a malformed batch can carry a sequence number twice,
        // and each of those records must be answered for, not just the last one seen.
        List<RecordOutcome> outcomes = new ArrayList<>(Collections.nCopies(records.size(), null));
        Map<TableName, List<Integer>> byTable = new LinkedHashMap<>();
        List<Integer> undecodable = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) instanceof IncomingRecord.Decoded decoded) {
                byTable.computeIfAbsent(decoded.record().table(), table -> new ArrayList<>()).add(i);
            } else {
                undecodable.add(i);
            }
        }
        Optional<TableName> owner = batchTable.or(() -> byTable.size() == 1 ? Optional.of(byTable.keySet().iterator().next())
                : Optional.empty());
        if (owner.isPresent()) {
            byTable.computeIfAbsent(owner.get(), table -> new ArrayList<>()).addAll(undecodable);
        } else {
            for (int i : undecodable) {
                IncomingRecord.Undecodable record = (IncomingRecord.Undecodable) records.get(i);
                outcomes.set(i, new RecordOutcome.Failed(record.sequenceNumber(), false, "undecodable: " + record.reason()));
            }
            if (!undecodable.isEmpty()) {
                LOG.warnf("%d undecodable records of no known table: counted in no ledger", undecodable.size());
            }
        }
        byTable.forEach((table, positions) -> {
            ArchiveChangesCommand command = new ArchiveChangesCommand(table, positions.stream().map(records::get).toList());
            BatchResult result = archive.archive(command);
            assign(result, positions, records, outcomes);
            ledger.ifPresent(recorder -> count(recorder, command, result));
        });
        return report(records, outcomes);
    }

    /** Gives each outcome to the first record of the table's positions with its sequence number that has none yet. */
    private static void assign(BatchResult result, List<Integer> positions, List<IncomingRecord> records,
                               List<RecordOutcome> outcomes) {
        Map<SequenceNumber, ArrayDeque<Integer>> waiting = new HashMap<>();
        for (int i : positions) {
            waiting.computeIfAbsent(records.get(i).sequenceNumber(), sequence -> new ArrayDeque<>()).add(i);
        }
        for (RecordOutcome outcome : result.outcomes()) {
            ArrayDeque<Integer> candidates = waiting.get(outcome.sequenceNumber());
            if (candidates != null && !candidates.isEmpty()) {
                outcomes.set(candidates.poll(), outcome);
            }
        }
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

    /** Every record neither archived nor skipped, by its sequence number, once, in batch order. */
    private static List<SequenceNumber> report(List<IncomingRecord> records, List<RecordOutcome> outcomes) {
        Set<SequenceNumber> failed = new LinkedHashSet<>();
        int archived = 0;
        int alreadyPresent = 0;
        int skipped = 0;
        int failures = 0;
        for (int i = 0; i < records.size(); i++) {
            SequenceNumber sequence = records.get(i).sequenceNumber();
            RecordOutcome outcome = outcomes.get(i);
            if (outcome instanceof RecordOutcome.Archived done) {
                archived++;
                alreadyPresent += done.alreadyPresent() ? 1 : 0;
                LOG.debugf("record %s archived at %s%s", sequence, done.location(), done.alreadyPresent() ? " (already present)" : "");
            } else if (outcome instanceof RecordOutcome.Skipped skip) {
                skipped++;
                LOG.infof("record %s skipped: %s", sequence, skip.reason().describe());
            } else if (outcome instanceof RecordOutcome.Failed failure) {
                failures++;
                failed.add(sequence);
                LOG.warnf("record %s failed (%s): %s", sequence, failure.retryable() ? "retryable" : "permanent", failure.reason());
            } else {
                // The use case must answer for every record; one it forgot is a failure, never a success.
                failures++;
                failed.add(sequence);
                LOG.errorf("record %s got no outcome from the archive use case: reported failed", sequence);
            }
        }
        LOG.infof("batch of %d records: %d archived (%d already present), %d skipped, %d failed",
                records.size(), archived, alreadyPresent, skipped, failures);
        return List.copyOf(failed);
    }
}
