package dev.lifecycle.http.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifecycle.domain.replay.LostRange;
import dev.lifecycle.domain.replay.MessageOutcome;
import dev.lifecycle.domain.replay.RecordCounts;
import dev.lifecycle.domain.replay.ReplayReport;
import dev.lifecycle.domain.stream.FailedBatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON of a replay report: totals for the run, then one entry per failure message. */
public record ReplayView(Instant startedAt, Instant finishedAt, String stopReason, String summary, Totals totals,
                         List<MessageView> messages, List<String> warnings) {

    static ReplayView of(ReplayReport report) {
        ReplayReport.Totals t = report.totals();
        return new ReplayView(report.startedAt(), report.finishedAt(), report.stopReason().name(), report.summary(),
                new Totals(t.messages(), report.acknowledged(), report.leftOnQueue(), report.unreadable(), t.read(), t.recovered(),
                        t.alreadyPresent(), t.skipped(), t.failed(), t.lost()),
                report.outcomes().stream().map(MessageView::of).toList(), report.warnings());
    }

    /** Messages handled, deleted and left on the queue; records read, recovered, already archived, skipped, failed again, lost. */
    public record Totals(int messages, long deleted, long leftOnQueue, long unreadable, int read, int recovered, int alreadyPresent,
                         int skipped, int failed, int lost) {
    }

    /** One failure message: its outcome, whether it was deleted, its batch and what became of its records. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageView(String messageId, String outcome, boolean deleted, String reason, BatchView batch, CountsView records,
                              LostView lost, List<FailureView> failures, String bodyExcerpt) {

        static MessageView of(MessageOutcome outcome) {
            if (outcome instanceof MessageOutcome.Replayed r) {
                return new MessageView(r.messageId(), "REPLAYED", true, null, BatchView.of(r.batch()), CountsView.of(r.counts()),
                        LostView.of(r.lost().orElse(null)), null, null);
            }
            if (outcome instanceof MessageOutcome.FailedAgain f) {
                return new MessageView(f.messageId(), "FAILED_AGAIN", false, f.reason(), BatchView.of(f.batch()),
                        CountsView.of(f.counts()), LostView.of(f.lost().orElse(null)),
                        f.failures().stream().map(x -> new FailureView(x.sequenceNumber().value(), x.retryable(), x.reason())).toList(),
                        null);
            }
            if (outcome instanceof MessageOutcome.NotAcknowledged n) {
                return new MessageView(n.messageId(), "NOT_DELETED", false, n.reason(), BatchView.of(n.batch()),
                        CountsView.of(n.counts()), LostView.of(n.lost().orElse(null)), null, null);
            }
            MessageOutcome.Unreadable u = (MessageOutcome.Unreadable) outcome;
            return new MessageView(u.messageId(), "UNREADABLE", false, u.reason(), null, null, null, null, u.bodyExcerpt());
        }
    }

    /** The failed batch as the failure message describes it. */
    public record BatchView(String streamArn, String table, String shardId, String startSequenceNumber, String endSequenceNumber,
                            int batchSize, String condition) {
        static BatchView of(FailedBatch b) {
            return new BatchView(b.streamArn(), b.table().value(), b.shardId(), b.startSequenceNumber().value(),
                    b.endSequenceNumber().value(), b.batchSize(), b.condition());
        }
    }

    /** What became of the records read back; skipReasons by reason. */
    public record CountsView(int read, int recovered, int alreadyPresent, int skipped, int failed, Map<String, Integer> skipReasons) {
        static CountsView of(RecordCounts c) {
            return new CountsView(c.read(), c.recovered(), c.alreadyPresent(), c.skipped(), c.failed(), c.skipReasons());
        }
    }

    /** The part of the range that had aged out of the stream: from, up to (not including) until, or to the batch's end. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LostView(String from, String until, int missingRecords, String description) {
        static LostView of(LostRange lost) {
            return lost == null ? null : new LostView(lost.from().value(), lost.until().map(u -> u.value()).orElse(null),
                    lost.missingRecords(), lost.describe());
        }
    }

    /** A record that failed again. */
    public record FailureView(String sequenceNumber, boolean retryable, String reason) {
    }
}
