package dev.lifecycle.adapters.aws.sqs;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.stream.FailureQueuePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The event source mapping's on-failure queue on SQS. Receives with long polling (a short poll may
 * answer empty while messages wait); a message that is not a readable on-failure message becomes
 * {@link Received.Unreadable}, reported and left on the queue, never deleted here.
 */
public final class SqsFailureQueue implements FailureQueuePort {

    private static final String SERVICE = "SQS";
    private static final int EXCERPT = 300;

    private final SqsClient sqs;
    private final String queueUrl;
    private final int waitSeconds;

    /** {@code wait}: how long a receive waits for a message before it answers empty (1 to 20 s). */
    public SqsFailureQueue(SqsClient sqs, String queueUrl, Duration wait) {
        if (queueUrl == null || queueUrl.isBlank()) {
            throw new IllegalArgumentException("the failure queue URL is required");
        }
        if (wait.isNegative() || wait.toSeconds() < 1 || wait.toSeconds() > 20) {
            throw new IllegalArgumentException("the receive wait must be 1 to 20 seconds, was " + wait);
        }
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.waitSeconds = (int) wait.toSeconds();
    }

    public SqsFailureQueue(SqsClient sqs, String queueUrl) {
        this(sqs, queueUrl, Duration.ofSeconds(2));
    }

    @Override
    public List<Received> receive(int maxMessages) {
        List<Message> messages;
        try {
            messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(Math.max(1, Math.min(10, maxMessages)))
                    .waitTimeSeconds(waitSeconds)).messages();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
        List<Received> received = new ArrayList<>(messages.size());
        for (Message message : messages) {
            received.add(read(message));
        }
        return received;
    }

    @Override
    public void acknowledge(Received received) {
        try {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(received.receiptHandle()));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void release(Received received) {
        try {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(received.receiptHandle()).visibilityTimeout(0));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static Received read(Message message) {
        try {
            return new Received.Batch(message.messageId(), message.receiptHandle(), FailureMessages.parse(message.body()));
        } catch (IllegalArgumentException e) {
            return new Received.Unreadable(message.messageId(), message.receiptHandle(), e.getMessage(), excerpt(message.body()));
        }
    }

    private static String excerpt(String body) {
        if (body == null) {
            return "";
        }
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT) + "...";
    }
}
