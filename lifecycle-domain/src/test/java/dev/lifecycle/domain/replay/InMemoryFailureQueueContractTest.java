package dev.lifecycle.domain.replay;

import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.FailureQueuePort;
import dev.lifecycle.domain.testing.FailureQueueContract;
import dev.lifecycle.domain.testing.InMemoryFailureQueue;

class InMemoryFailureQueueContractTest extends FailureQueueContract {

    private InMemoryFailureQueue queue;

    @Override
    protected FailureQueuePort emptyQueue() {
        queue = new InMemoryFailureQueue();
        return queue;
    }

    @Override
    protected void send(FailedBatch batch) {
        queue.send(batch);
    }

    @Override
    protected void sendMalformed() {
        queue.sendUnreadable("not an on-failure message");
    }

    @Override
    protected int messagesOnQueue() {
        return queue.size();
    }
}
