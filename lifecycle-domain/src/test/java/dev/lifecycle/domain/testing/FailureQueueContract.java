package dev.lifecycle.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.FailureQueuePort;
import dev.lifecycle.domain.stream.FailureQueuePort.Received;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the failure queue port must show: what was sent comes back
 * whole, a received message stays hidden until released, an acknowledged one is gone, and a
 * malformed one is handed over as unreadable. The in-memory fake and the SQS adapter each run it.
 */
public abstract class FailureQueueContract {

    protected static final String STREAM_ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2026-11-22T10:15:30.000";

    private FailureQueuePort queue;

    /** A new, empty queue. */
    protected abstract FailureQueuePort emptyQueue();

    /** Puts the event source mapping's on-failure message for {@code batch} on the queue of the last {@link #emptyQueue()}. */
    protected abstract void send(FailedBatch batch);

    /** Puts a message on that queue that is not an on-failure message of a stream batch. */
    protected abstract void sendMalformed();

    /** How many messages that queue holds, visible or hidden. */
    protected abstract int messagesOnQueue();

    @BeforeEach
    void setUpQueue() {
        queue = emptyQueue();
    }

    @Test
    void aSentBatch_isReceivedWhole() {
        FailedBatch batch = batch("4100000000000000000001", "4100000000000000000042", 17);
        send(batch);

        List<Received> received = queue.receive(10);

        assertThat(received).singleElement().isInstanceOfSatisfying(Received.Batch.class,
                message -> assertThat(message.batch()).isEqualTo(batch));
    }

    @Test
    void aReceivedMessage_isNotReceivedAgain_untilReleased() {
        send(batch("4100000000000000000001", "4100000000000000000002", 2));
        Received first = queue.receive(10).get(0);

        assertThat(queue.receive(10)).isEmpty();
        queue.release(first);

        assertThat(queue.receive(10)).singleElement().satisfies(again -> assertThat(again.messageId()).isEqualTo(first.messageId()));
    }

    @Test
    void anAcknowledgedMessage_isGone() {
        send(batch("4100000000000000000001", "4100000000000000000002", 2));
        Received received = queue.receive(10).get(0);

        queue.acknowledge(received);

        assertThat(messagesOnQueue()).as("visible or hidden").isZero();
    }

    @Test
    void aMalformedMessage_isReceivedAsUnreadable_withAReason() {
        sendMalformed();

        List<Received> received = queue.receive(10);

        assertThat(received).singleElement().isInstanceOfSatisfying(Received.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).isNotBlank());
        assertThat(messagesOnQueue()).as("kept").isEqualTo(1);
    }

    @Test
    void receive_handsOutNoMoreThanAsked() {
        for (int n = 1; n <= 3; n++) {
            send(batch("410000000000000000000" + n, "410000000000000000000" + n, 1));
        }

        assertThat(queue.receive(2)).hasSizeBetween(1, 2);
    }

    protected static FailedBatch batch(String start, String end, int size) {
        return new FailedBatch(STREAM_ARN, TableName.of("orders"), "shardId-00000001763806530000-abcdef12", SequenceNumber.of(start),
                SequenceNumber.of(end), size, Optional.of(Instant.parse("2026-11-22T10:15:00Z")),
                Optional.of(Instant.parse("2026-11-22T10:16:00Z")), "RetryAttemptsExhausted");
    }
}
