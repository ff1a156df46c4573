package dev.lifecycle.it.adapters;

import dev.lifecycle.adapters.aws.sqs.SqsFailureQueue;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.FailureQueuePort;
import dev.lifecycle.domain.testing.FailureQueueContract;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** The failure queue contract against the SQS adapter on ElasticMQ, fed messages in Lambda's on-failure format. */
@ExtendWith(LocalAwsExtension.class)
class SqsFailureQueueContractTest extends FailureQueueContract {

    private final LocalAws aws;
    private String queueUrl;

    SqsFailureQueueContractTest(LocalAws aws) {
        this.aws = aws;
    }

    @Override
    protected FailureQueuePort emptyQueue() {
        queueUrl = aws.sqs().createQueue(b -> b.queueName("failure-contract-" + UUID.randomUUID().toString().substring(0, 8))
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        return new SqsFailureQueue(aws.sqs(), queueUrl, Duration.ofSeconds(1));
    }

    @Override
    protected void send(FailedBatch batch) {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody(lambdaMessage(batch)));
    }

    @Override
    protected void sendMalformed() {
        aws.sqs().sendMessage(b -> b.queueUrl(queueUrl).messageBody("{\"DDBStreamBatchInfo\": {\"shardId\": 7}}"));
    }

    @Override
    protected int messagesOnQueue() {
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                .attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** What Lambda sends to an SQS on-failure destination for a DynamoDB stream batch. */
    private static String lambdaMessage(FailedBatch batch) {
        return """
                {"requestContext": {"requestId": "%s", "functionArn": "arn:aws:lambda:us-east-1:000000000000:function:f",
                   "condition": "%s", "approximateInvokeCount": 4},
                 "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
                 "version": "1.0", "timestamp": "2026-11-22T10:20:00.000Z",
                 "DDBStreamBatchInfo": {"shardId": "%s", "startSequenceNumber": "%s", "endSequenceNumber": "%s",
                   "approximateArrivalOfFirstRecord": "%s", "approximateArrivalOfLastRecord": "%s", "batchSize": %d,
                   "streamArn": "%s"}}
                """.formatted(UUID.randomUUID(), batch.condition(), batch.shardId(), batch.startSequenceNumber(),
                batch.endSequenceNumber(), batch.approximateArrivalOfFirstRecord().orElseThrow(),
                batch.approximateArrivalOfLastRecord().orElseThrow(), batch.batchSize(), batch.streamArn());
    }
}
