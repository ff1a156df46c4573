package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.FailureQueuePort;
import dev.lifecycle.domain.stream.FailureQueuePort.Received;
import dev.lifecycle.domain.stream.ReadStreamPort;
import dev.lifecycle.domain.stream.ReadStreamPort.ReadRecord;
import dev.lifecycle.domain.stream.ReadStreamPort.StreamSlice;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replays the failure queue message by message: reads the batch's range from the stream, archives
 * it through the same use case as the stream processor, deletes the message only when
 * {@link ReplayRules#settle} says every record was dealt with, and releases every other message so
 * that the next run sees it at once. One message's trouble never stops the others; the run is
 * recorded in the audit trail.
 */
public final class ReplayFailuresService implements ReplayFailuresUseCase {

    /** The audit trail's subject for replays. */
    public static final String AUDIT_SUBJECT = "replay/failure-queue";
    private static final int MAX_RECEIVE = 10;

    private final FailureQueuePort queue;
    private final ReadStreamPort stream;
    private final ArchiveChangesUseCase archive;
    private final AuditLogPort audit;
    private final Clock clock;

    public ReplayFailuresService(FailureQueuePort queue, ReadStreamPort stream, ArchiveChangesUseCase archive, AuditLogPort audit,
                                 Clock clock) {
        this.queue = queue;
        this.stream = stream;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ReplayReport replay(ReplayFailuresCommand command) {
        Instant started = clock.instant();
        List<MessageOutcome> outcomes = new ArrayList<>();
        Map<String, Received> toRelease = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        StopReason stop = null;
        while (stop == null) {
            if (outcomes.size() >= command.maxBatches()) {
                stop = StopReason.LIMIT_REACHED;
                break;
            }
            List<Received> received;
            try {
                received = queue.receive(Math.min(MAX_RECEIVE, command.maxBatches() - outcomes.size()));
            } catch (RuntimeException e) {
                if (outcomes.isEmpty()) {
                    throw e;
                }
                warnings.add("receiving from the failure queue failed, the run stopped early: " + e.getMessage());
                stop = StopReason.RECEIVE_FAILED;
                break;
            }
            if (received.isEmpty()) {
                stop = StopReason.QUEUE_EMPTY;
            }
            for (Received message : received) {
                if (!seen.add(message.messageId())) {
                    // Received again with a new handle: only the newest one can release it.
                    toRelease.replace(message.messageId(), message);
                    stop = StopReason.MESSAGE_SEEN_AGAIN;
                    continue;
                }
                MessageOutcome outcome = handle(message);
                outcomes.add(outcome);
                if (!(outcome instanceof MessageOutcome.Replayed)) {
                    toRelease.put(message.messageId(), message);
                }
            }
        }
        for (Received message : toRelease.values()) {
            release(message, warnings);
        }
        ReplayReport report = new ReplayReport(started, clock.instant(), stop, outcomes, warnings);
        return audited(report, command, warnings);
    }

    private MessageOutcome handle(Received message) {
        if (message instanceof Received.Unreadable unreadable) {
            return new MessageOutcome.Unreadable(unreadable.messageId(), unreadable.reason(), unreadable.bodyExcerpt());
        }
        Received.Batch received = (Received.Batch) message;
        FailedBatch batch = received.batch();
        StreamSlice slice;
        try {
            slice = stream.read(batch.streamArn(), batch.shardId(), batch.startSequenceNumber(), batch.endSequenceNumber());
        } catch (RuntimeException e) {
            return new MessageOutcome.FailedAgain(received.messageId(), batch, RecordCounts.none(),
                    "reading " + batch.range() + " from the stream failed: " + e.getMessage(), List.of(), Optional.empty());
        }
        BatchResult result;
        try {
            result = slice.records().isEmpty() ? new BatchResult(List.of())
                    : archive.archive(new ArchiveChangesCommand(batch.table(), incoming(slice)));
        } catch (RuntimeException e) {
            return new MessageOutcome.FailedAgain(received.messageId(), batch, RecordCounts.none(),
                    "archiving " + batch.range() + " failed: " + e, List.of(), ReplayRules.lostRange(batch, slice));
        }
        MessageOutcome outcome = ReplayRules.settle(received.messageId(), batch, slice, result);
        if (outcome instanceof MessageOutcome.Replayed replayed) {
            try {
                queue.acknowledge(received);
            } catch (RuntimeException e) {
                return new MessageOutcome.NotAcknowledged(replayed.messageId(), batch, replayed.counts(), replayed.lost(),
                        "deleting the message failed: " + e.getMessage());
            }
        }
        return outcome;
    }

    private static List<IncomingRecord> incoming(StreamSlice slice) {
        List<IncomingRecord> records = new ArrayList<>(slice.records().size());
        for (ReadRecord record : slice.records()) {
            records.add(record instanceof ReadRecord.Decoded decoded
                    ? new IncomingRecord.Decoded(decoded.record())
                    : new IncomingRecord.Undecodable(record.sequenceNumber(), ((ReadRecord.Undecodable) record).reason()));
        }
        return records;
    }

    private void release(Received message, List<String> warnings) {
        try {
            queue.release(message);
        } catch (RuntimeException e) {
            warnings.add("message " + message.messageId() + " stays on the queue but could not be made visible again"
                    + " (it will be, once its visibility timeout passes): " + e.getMessage());
        }
    }

    /** Records the run (when it handled any message); a failure to record it is a warning, not a lost report. */
    private ReplayReport audited(ReplayReport report, ReplayFailuresCommand command, List<String> warnings) {
        if (report.outcomes().isEmpty()) {
            return report;
        }
        ReplayReport.Totals totals = report.totals();
        try {
            audit.append(new AuditRecord(AUDIT_SUBJECT, AuditAction.FAILURES_REPLAYED, command.actor(), report.finishedAt(),
                    report.summary(), List.of(
                    new FieldChange("acknowledged", null, Long.toString(report.acknowledged())),
                    new FieldChange("leftOnQueue", null, Long.toString(report.leftOnQueue())),
                    new FieldChange("recovered", null, Integer.toString(totals.recovered())),
                    new FieldChange("failed", null, Integer.toString(totals.failed())),
                    new FieldChange("lost", null, Integer.toString(totals.lost())))));
            return report;
        } catch (RuntimeException e) {
            warnings.add("recording the replay in the audit trail failed: " + e.getMessage());
            return new ReplayReport(report.startedAt(), report.finishedAt(), report.stopReason(), report.outcomes(), warnings);
        }
    }
}
