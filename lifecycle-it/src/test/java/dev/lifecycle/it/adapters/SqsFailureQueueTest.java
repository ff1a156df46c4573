package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.sqs.SqsFailureQueue;
import dev.lifecycle.domain.stream.FailureQueuePort.Received;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The SQS failure queue beyond its contract: a realistic mapping message, and a malformed one reported with its field and excerpt. */
@ExtendWith(LocalAwsExtension.class)
class SqsFailureQueueTest {

    private static final String ARN = "arn:aws:dynamodb:ddblocal:000000000000:table/orders/stream/2026-11-22T10:15:30.000";

    private final LocalAws aws;
    private String queueUrl;
    private SqsFailureQueue queue;

    SqsFailureQueueTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void freshQueue() {
        queueUrl = aws.sqs().createQueue(b -> b.queueName("failures-" + UUID.randomUUID().toString().substring(0, 8))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        queue = new SqsFailureQueue(aws.sqs(), queueUrl, Duration.ofSeconds(1));
    }

    @Test
    void anOnFailureMessage_isReceivedAsAFailedBatch_andDeletedWhenAcknowledged() {
        send(message("4100000000000000000001", "4100000000000000000009", 5));

        List<Received> received = queue.receive(10);

        assertThat(received).singleElement().isInstanceOfSatisfying(Received.Batch.class, batch -> {
            assertThat(batch.batch().table()).isEqualTo(TableName.of("orders"));
            assertThat(batch.batch().startSequenceNumber()).isEqualTo(SequenceNumber.of("4100000000000000000001"));
            assertThat(batch.batch().batchSize()).isEqualTo(5);
        });
        queue.acknowledge(received.get(0));
        assertThat(approximateMessages()).isZero();
    }

    @Test
    void aMalformedMessage_isReceivedAsUnreadable_withTheReason_andIsNotDeleted() {
        send("{\"DDBStreamBatchInfo\": {\"shardId\": \"s\"}}");

        List<Received> received = queue.receive(10);

        assertThat(received).singleElement().isInstanceOfSatisfying(Received.Unreadable.class, unreadable -> {
            assertThat(unreadable.reason()).isEqualTo("DDBStreamBatchInfo.streamArn: is missing");
            assertThat(unreadable.bodyExcerpt()).contains("shardId");
        });
        assertThat(approximateMessages() + approximateInFlight()).isEqualTo(1);
    }

    private void send(String body) {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    private int approximateMessages() {
        return attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
    }

    private int approximateInFlight() {
        return attribute(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
    }

    private int attribute(QueueAttributeName name) {
        return Integer.parseInt(aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(name)).attributes().get(name));
    }

    private static String message(String start, String end, int size) {
        return """
                {"requestContext": {"condition": "RetryAttemptsExhausted", "approximateInvokeCount": 4},
                 "version": "1.0", "timestamp": "2026-11-22T10:20:00Z",
                 "DDBStreamBatchInfo": {"shardId": "shardId-00000001763806530000-abcdef12", "startSequenceNumber": "%s",
                   "endSequenceNumber": "%s", "approximateArrivalOfFirstRecord": "2026-11-22T10:15:00Z",
                   "approximateArrivalOfLastRecord": "2026-11-22T10:15:00Z", "batchSize": %d, "streamArn": "%s"}}
                """.formatted(start, end, size, ARN);
    }
}
