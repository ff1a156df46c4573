package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.ReadStreamPort.ReadRecord;
import dev.lifecycle.domain.stream.ReadStreamPort.StreamSlice;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The rules of a replay, as pure functions: which part of a failed batch's range the stream no
 * longer holds, whether a read covers the whole range, and when a message may be deleted: only
 * when every record of its range was archived, found archived, skipped by the policy, or is
 * provably lost because the stream had trimmed it.
 */
public final class ReplayRules {

    private ReplayRules() {
    }

    /**
     * The part of the range that had aged out: only when the stream reported the start trimmed and
     * the first record it still held (if any) lies after the start.
     */
    public static Optional<LostRange> lostRange(FailedBatch batch, StreamSlice slice) {
        if (!slice.trimmed()) {
            return Optional.empty();
        }
        Optional<SequenceNumber> firstHeld = slice.records().isEmpty() ? Optional.empty()
                : Optional.of(slice.records().get(0).sequenceNumber());
        if (firstHeld.isPresent() && firstHeld.get().compareTo(batch.startSequenceNumber()) <= 0) {
            return Optional.empty();
        }
        int missing = Math.max(0, batch.batchSize() - removalsRead(slice));
        return Optional.of(new LostRange(batch.startSequenceNumber(), firstHeld, missing));
    }

    /**
     * Why the slice does not cover the batch's range, if it does not: it must end with the batch's
     * last record (which the stream holds unless the whole range had aged out) and hold nothing
     * outside the range.
     */
    public static Optional<String> gap(FailedBatch batch, StreamSlice slice) {
        List<ReadRecord> records = slice.records();
        for (ReadRecord record : records) {
            SequenceNumber n = record.sequenceNumber();
            if (n.compareTo(batch.startSequenceNumber()) < 0 || n.compareTo(batch.endSequenceNumber()) > 0) {
                return Optional.of("the stream returned record " + n + ", outside the batch's range " + batch.range());
            }
        }
        if (records.isEmpty()) {
            return slice.trimmed() ? Optional.empty()
                    : Optional.of("the stream returned no record of " + batch.range() + " though it reports nothing trimmed");
        }
        SequenceNumber last = records.get(records.size() - 1).sequenceNumber();
        if (!last.equals(batch.endSequenceNumber())) {
            return Optional.of("the stream returned " + batch.range() + " only up to " + last + ", not to its last record");
        }
        return Optional.empty();
    }

    /** Counts the outcomes of the records read back, skip reasons by description. */
    public static RecordCounts count(BatchResult result) {
        int recovered = 0;
        int alreadyPresent = 0;
        int skipped = 0;
        int failed = 0;
        Map<String, Integer> reasons = new TreeMap<>();
        for (RecordOutcome outcome : result.outcomes()) {
            if (outcome instanceof RecordOutcome.Archived archived) {
                if (archived.alreadyPresent()) {
                    alreadyPresent++;
                } else {
                    recovered++;
                }
            } else if (outcome instanceof RecordOutcome.Skipped skip) {
                skipped++;
                reasons.merge(skip.reason().describe(), 1, Integer::sum);
            } else {
                failed++;
            }
        }
        return new RecordCounts(result.outcomes().size(), recovered, alreadyPresent, skipped, failed, reasons);
    }

    /** What a replay of one message came to, before the message is deleted (or not). */
    public static MessageOutcome settle(String messageId, FailedBatch batch, StreamSlice slice, BatchResult result) {
        RecordCounts counts = count(result);
        Optional<LostRange> lost = lostRange(batch, slice);
        Optional<String> gap = gap(batch, slice);
        if (gap.isPresent()) {
            return new MessageOutcome.FailedAgain(messageId, batch, counts, gap.get() + ": read it again later",
                    failures(result), lost);
        }
        if (counts.failed() > 0) {
            return new MessageOutcome.FailedAgain(messageId, batch, counts, counts.failed() + " of " + counts.read()
                    + " records failed again", failures(result), lost);
        }
        return new MessageOutcome.Replayed(messageId, batch, counts, lost);
    }

    private static List<RecordFailure> failures(BatchResult result) {
        List<RecordFailure> failures = new ArrayList<>();
        for (RecordOutcome outcome : result.outcomes()) {
            if (outcome instanceof RecordOutcome.Failed failed) {
                failures.add(new RecordFailure(failed.sequenceNumber(), failed.retryable(), failed.reason()));
            }
        }
        return failures;
    }

    /** Removals read back; an undecodable record counts as one, since it may have been. */
    private static int removalsRead(StreamSlice slice) {
        int removals = 0;
        for (ReadRecord record : slice.records()) {
            if (!(record instanceof ReadRecord.Decoded decoded) || decoded.record().isRemoval()) {
                removals++;
            }
        }
        return removals;
    }
}
