package dev.lifecycle.lambda;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs one decoded batch through the archive use case, table by table, and says which records
 * failed, in batch order. Every record that is not archived or deliberately skipped is a failure,
 * and every failure and skip is logged with its sequence number and reason.
 */
public final class StreamBatchProcessor {

    private static final Logger LOG = Logger.getLogger(StreamBatchProcessor.class);

    private final ArchiveChangesUseCase archive;

    public StreamBatchProcessor(ArchiveChangesUseCase archive) {
        this.archive = archive;
    }

    /** The sequence numbers to report as batch item failures. */
    public List<SequenceNumber> process(List<IncomingRecord> records) {
        Map<SequenceNumber, RecordOutcome> outcomes = new LinkedHashMap<>();
        Map<TableName, List<IncomingRecord>> byTable = new LinkedHashMap<>();
        for (IncomingRecord record : records) {
            outcomes.put(record.sequenceNumber(), null);
            if (record instanceof IncomingRecord.Decoded decoded) {
                byTable.computeIfAbsent(decoded.record().table(), table -> new ArrayList<>()).add(record);
            } else {
                IncomingRecord.Undecodable undecodable = (IncomingRecord.Undecodable) record;
                outcomes.put(record.sequenceNumber(), new RecordOutcome.Failed(record.sequenceNumber(), false,
                        "undecodable: " + undecodable.reason()));
            }
        }
        byTable.forEach((table, tableRecords) -> archive.archive(new ArchiveChangesCommand(table, tableRecords))
                .outcomes().forEach(outcome -> outcomes.put(outcome.sequenceNumber(), outcome)));
        return report(outcomes);
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
