package dev.lifecycle.domain.stream;

import java.util.List;

/** The on-failure destination of the event source mapping, read back for replay. */
public interface FailureQueuePort {

    List<Received> receive(int maxMessages);

    /** Removes a message once its batch has been dealt with. */
    void acknowledge(Received received);

    /** A failed batch as received, with the handle to acknowledge it. */
    record Received(String receiptHandle, FailedBatch batch) {
    }
}
