package dev.lifecycle.domain.replay;

import java.time.Instant;
import java.util.List;

/** What one replay run did, message by message, with totals for an operator. */
public record ReplayReport(Instant startedAt, Instant finishedAt, StopReason stopReason, List<MessageOutcome> outcomes,
                           List<String> warnings) {

    public ReplayReport {
        if (startedAt == null || finishedAt == null || stopReason == null) {
            throw new IllegalArgumentException("a replay report has its times and why it stopped");
        }
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }

    /** Messages deleted from the queue: every record of their batch archived, skipped or lost. */
    public long acknowledged() {
        return count(MessageOutcome.Replayed.class);
    }

    /** Messages left on the queue: failed again, not deleted, or unreadable. */
    public long leftOnQueue() {
        return outcomes.size() - acknowledged();
    }

    public long failedAgain() {
        return count(MessageOutcome.FailedAgain.class);
    }

    public long unreadable() {
        return count(MessageOutcome.Unreadable.class);
    }

    public Totals totals() {
        int read = 0;
        int recovered = 0;
        int alreadyPresent = 0;
        int skipped = 0;
        int failed = 0;
        int lost = 0;
        for (MessageOutcome outcome : outcomes) {
            RecordCounts counts = outcome.counts();
            read += counts.read();
            recovered += counts.recovered();
            alreadyPresent += counts.alreadyPresent();
            skipped += counts.skipped();
            failed += counts.failed();
            lost += outcome.lost().map(LostRange::missingRecords).orElse(0);
        }
        return new Totals(outcomes.size(), read, recovered, alreadyPresent, skipped, failed, lost);
    }

    /** One line for logs and the audit trail. */
    public String summary() {
        Totals t = totals();
        return t.messages() + " message(s): " + acknowledged() + " done and deleted, " + leftOnQueue() + " left on the queue ("
                + failedAgain() + " failed again, " + unreadable() + " unreadable); records: " + t.recovered() + " recovered, "
                + t.alreadyPresent() + " already archived, " + t.skipped() + " skipped, " + t.failed() + " failed again, "
                + t.lost() + " lost (aged out); stopped: " + stopReason;
    }

    private long count(Class<? extends MessageOutcome> type) {
        return outcomes.stream().filter(type::isInstance).count();
    }

    /** Sums over every message of the run. */
    public record Totals(int messages, int read, int recovered, int alreadyPresent, int skipped, int failed, int lost) {
    }
}
