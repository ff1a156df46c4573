package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.FailureQueuePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The failure queue in memory, with SQS's visibility: a received message is hidden until it is
 * released (or {@link #expireVisibility} plays its timeout passing); acknowledging deletes it. Can
 * be told to fail receives or deletes.
 */
public final class InMemoryFailureQueue implements FailureQueuePort {

    private final Map<String, Message> messages = new LinkedHashMap<>();
    private boolean failReceives;
    private boolean failAcknowledgements;
    private int receiveCalls;

    private static final class Message {
        final String id;
        final FailedBatch batch;
        final String unreadableReason;
        String handle;
        boolean visible = true;

        Message(String id, FailedBatch batch, String unreadableReason) {
            this.id = id;
            this.batch = batch;
            this.unreadableReason = unreadableReason;
        }
    }

    /** Puts a failed batch's message on the queue; returns its id. */
    public synchronized String send(FailedBatch batch) {
        String id = UUID.randomUUID().toString();
        messages.put(id, new Message(id, batch, null));
        return id;
    }

    /** Puts a message the adapter could not read on the queue; returns its id. */
    public synchronized String sendUnreadable(String reason) {
        String id = UUID.randomUUID().toString();
        messages.put(id, new Message(id, null, reason));
        return id;
    }

    @Override
    public synchronized List<Received> receive(int maxMessages) {
        receiveCalls++;
        if (failReceives) {
            throw new DependencyFailureException("SQS", true, "injected receive failure", null);
        }
        List<Received> received = new ArrayList<>();
        for (Message message : messages.values()) {
            if (received.size() == Math.min(maxMessages, 10)) {
                break;
            }
            if (message.visible) {
                message.visible = false;
                message.handle = UUID.randomUUID().toString();
                received.add(message.batch == null
                        ? new Received.Unreadable(message.id, message.handle, message.unreadableReason, "{not json")
                        : new Received.Batch(message.id, message.handle, message.batch));
            }
        }
        return received;
    }

    @Override
    public synchronized void acknowledge(Received received) {
        if (failAcknowledgements) {
            throw new DependencyFailureException("SQS", true, "injected delete failure", null);
        }
        Message message = current(received);
        messages.remove(message.id);
    }

    @Override
    public synchronized void release(Received received) {
        current(received).visible = true;
    }

    /** Plays every hidden message's visibility timeout passing. */
    public synchronized void expireVisibility() {
        messages.values().forEach(m -> m.visible = true);
    }

    /** Empties the queue (tests that share one queue). */
    public synchronized void clear() {
        messages.clear();
    }

    public synchronized int size() {
        return messages.size();
    }

    public synchronized int visible() {
        return (int) messages.values().stream().filter(m -> m.visible).count();
    }

    public synchronized boolean contains(String messageId) {
        return messages.containsKey(messageId);
    }

    public synchronized int receiveCalls() {
        return receiveCalls;
    }

    public synchronized void failReceives(boolean fail) {
        failReceives = fail;
    }

    public synchronized void failAcknowledgements(boolean fail) {
        failAcknowledgements = fail;
    }

    private Message current(Received received) {
        Message message = messages.get(received.messageId());
        if (message == null || !received.receiptHandle().equals(message.handle)) {
            throw new DependencyFailureException("SQS", false, "receipt handle " + received.receiptHandle() + " is not current", null);
        }
        return message;
    }
}
