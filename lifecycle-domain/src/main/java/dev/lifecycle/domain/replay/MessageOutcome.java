package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.stream.FailedBatch;
import java.util.List;
import java.util.Optional;

/**
 * What a replay did with one failure message. Only {@link Replayed} deletes the message from the
 * queue: every other outcome leaves it there, so that nothing is dropped.
 */
public sealed interface MessageOutcome {

    String messageId();

    /** What became of the records read back (none for an unreadable message). */
    RecordCounts counts();

    /** The part of the range that had aged out of the stream, if any. */
    Optional<LostRange> lost();

    /**
     * Every record of the range the stream still held was archived, found archived, or skipped by
     * the policy; {@code lost} names the part that had aged out, if any. The message was deleted.
     */
    record Replayed(String messageId, FailedBatch batch, RecordCounts counts, Optional<LostRange> lost) implements MessageOutcome {
        public Replayed {
            require(messageId, batch, counts, lost);
            if (counts.failed() > 0) {
                throw new IllegalArgumentException("a replayed batch has no failed record, had " + counts.failed());
            }
        }
    }

    /**
     * Some records failed again, or the range could not be read: the message stays on the queue
     * for the next replay. {@code lost} names a part that had aged out meanwhile, if any.
     */
    record FailedAgain(String messageId, FailedBatch batch, RecordCounts counts, String reason, List<RecordFailure> failures,
                       Optional<LostRange> lost) implements MessageOutcome {
        public FailedAgain {
            require(messageId, batch, counts, lost);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a batch that failed again says why");
            }
            failures = List.copyOf(failures);
        }
    }

    /**
     * Every record was dealt with, but deleting the message failed: it stays on the queue, and the
     * next replay finds its records already archived.
     */
    record NotAcknowledged(String messageId, FailedBatch batch, RecordCounts counts, Optional<LostRange> lost, String reason)
            implements MessageOutcome {
        public NotAcknowledged {
            require(messageId, batch, counts, lost);
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a message that could not be deleted says why");
            }
        }
    }

    /** The message is not a readable on-failure message of a stream batch: it stays on the queue for a person to look at. */
    record Unreadable(String messageId, String reason, String bodyExcerpt) implements MessageOutcome {
        public Unreadable {
            if (messageId == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an unreadable message has an id and a reason");
            }
            bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
        }

        @Override
        public RecordCounts counts() {
            return RecordCounts.none();
        }

        @Override
        public Optional<LostRange> lost() {
            return Optional.empty();
        }
    }

    private static void require(String messageId, FailedBatch batch, RecordCounts counts, Optional<LostRange> lost) {
        if (messageId == null || batch == null || counts == null || lost == null) {
            throw new IllegalArgumentException("a message outcome names its message, batch and counts (lost: Optional.empty())");
        }
    }
}
