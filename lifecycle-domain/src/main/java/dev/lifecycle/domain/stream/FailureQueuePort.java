package dev.lifecycle.domain.stream;

import java.util.List;

/**
 * The on-failure destination of the event source mapping, read back for replay. A message stays on
 * the queue until it is acknowledged; one that cannot be read is handed over as {@link Unreadable}
 * so that it is reported, never dropped.
 */
public interface FailureQueuePort {

    /** Up to {@code maxMessages} messages (1 to 10), hidden from other readers until acknowledged or released. */
    List<Received> receive(int maxMessages);

    /** Deletes a message once every record of its batch has been dealt with. */
    void acknowledge(Received received);

    /** Makes a message visible again at once, so that the next replay sees it without waiting. */
    void release(Received received);

    /** A message as received, with the handle to acknowledge or release it. */
    sealed interface Received {
        String messageId();

        String receiptHandle();

        /** An on-failure message of a stream batch. */
        record Batch(String messageId, String receiptHandle, FailedBatch batch) implements Received {
            public Batch {
                require(messageId, receiptHandle);
                if (batch == null) {
                    throw new IllegalArgumentException("a received batch message carries its batch");
                }
            }
        }

        /** A message that is not a readable on-failure message of a DynamoDB stream batch, and why. */
        record Unreadable(String messageId, String receiptHandle, String reason, String bodyExcerpt) implements Received {
            public Unreadable {
                require(messageId, receiptHandle);
                if (reason == null || reason.isBlank()) {
                    throw new IllegalArgumentException("an unreadable message says why");
                }
                bodyExcerpt = bodyExcerpt == null ? "" : bodyExcerpt;
            }
        }

        private static void require(String messageId, String receiptHandle) {
            if (messageId == null || messageId.isBlank() || receiptHandle == null || receiptHandle.isBlank()) {
                throw new IllegalArgumentException("a received message has an id and a receipt handle");
            }
        }
    }
}
