package dev.lifecycle.adapters.aws.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FailureMessagesTest {

    private static final String ARN = "arn:aws:dynamodb:us-east-2:123456789012:table/mytable/stream/2019-11-14T00:04:06.388";

    /** The example of Lambda's documentation ("Retaining discarded batches for a DynamoDB event source"). */
    private static final String LAMBDA_EXAMPLE = """
            {
              "requestContext": {
                "requestId": "316aa6d0-8154-xmpl-9af7-85d5f4a6bc81",
                "functionArn": "arn:aws:lambda:us-east-2:123456789012:function:myfunction",
                "condition": "RetryAttemptsExhausted",
                "approximateInvokeCount": 1
              },
              "responseContext": {"statusCode": 200, "executedVersion": "$LATEST", "functionError": "Unhandled"},
              "version": "1.0",
              "timestamp": "2019-11-14T00:13:49.717Z",
              "DDBStreamBatchInfo": {
                "shardId": "shardId-00000001573689847184-864758bb",
                "startSequenceNumber": "800000000003126276362",
                "endSequenceNumber": "800000000003126276362",
                "approximateArrivalOfFirstRecord": "2019-11-14T00:12:53Z",
                "approximateArrivalOfLastRecord": "2019-11-14T00:12:53Z",
                "batchSize": 1,
                "streamArn": "%s"
              }
            }""".formatted(ARN);

    @Test
    void lambdasOnFailureMessage_isReadWithItsRangeTableAndCondition() {
        FailedBatch batch = FailureMessages.parse(LAMBDA_EXAMPLE);

        assertThat(batch.streamArn()).isEqualTo(ARN);
        assertThat(batch.table()).isEqualTo(TableName.of("mytable"));
        assertThat(batch.shardId()).isEqualTo("shardId-00000001573689847184-864758bb");
        assertThat(batch.startSequenceNumber()).isEqualTo(SequenceNumber.of("800000000003126276362"));
        assertThat(batch.endSequenceNumber()).isEqualTo(SequenceNumber.of("800000000003126276362"));
        assertThat(batch.batchSize()).isEqualTo(1);
        assertThat(batch.condition()).isEqualTo("RetryAttemptsExhausted");
        assertThat(batch.approximateArrivalOfFirstRecord()).contains(Instant.parse("2019-11-14T00:12:53Z"));
    }

    @Test
    void aMessageDeliveredThroughSns_isReadFromTheEnvelope() {
        String quoted = "\"" + new String(com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(LAMBDA_EXAMPLE)) + "\"";

        FailedBatch batch = FailureMessages.parse("{\"Type\":\"Notification\",\"MessageId\":\"m-1\",\"Message\":" + quoted + "}");

        assertThat(batch.table()).isEqualTo(TableName.of("mytable"));
    }

    @Test
    void anArrivalTimeThatDoesNotParse_isLeftEmpty_andTheMessageStillReads() {
        FailedBatch batch = FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"2019-11-14T00:12:53Z\"", "\"yesterday\""));

        assertThat(batch.approximateArrivalOfFirstRecord()).isEmpty();
    }

    @Test
    void aBatchSizeAsText_isAccepted() {
        assertThat(FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"batchSize\": 1", "\"batchSize\": \"7\"")).batchSize()).isEqualTo(7);
    }

    @Test
    void notJson_isRefusedSayingSo() {
        assertThatThrownBy(() -> FailureMessages.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the body is not valid JSON");
    }

    @Test
    void aMessageWithoutBatchInfo_isRefusedNamingTheField() {
        assertThatThrownBy(() -> FailureMessages.parse("{\"hello\":\"world\"}"))
                .hasMessageStartingWith("DDBStreamBatchInfo: is missing");
    }

    @Test
    void aKinesisBatch_isRefusedAsNotADynamoDbStreamBatch() {
        assertThatThrownBy(() -> FailureMessages.parse("{\"KinesisBatchInfo\":{}}")).hasMessageContaining("a Kinesis batch");
    }

    @Test
    void aMissingEndSequenceNumber_isRefusedNamingTheField() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"endSequenceNumber\"", "\"end\"")))
                .hasMessage("DDBStreamBatchInfo.endSequenceNumber: is missing");
    }

    @Test
    void aSequenceNumberThatIsNotDigits_isRefusedNamingTheField() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"startSequenceNumber\": \"800000000003126276362\"",
                "\"startSequenceNumber\": \"80x\""))).hasMessageStartingWith("DDBStreamBatchInfo.startSequenceNumber: ");
    }

    @Test
    void aReversedRange_isRefused() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"startSequenceNumber\": \"800000000003126276362\"",
                "\"startSequenceNumber\": \"900000000003126276362\""))).hasMessageContaining("is reversed");
    }

    @Test
    void anArnThatIsNotAStreamArn_isRefusedNamingTheField() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE.replace(ARN, "arn:aws:sqs:us-east-2:123456789012:q")))
                .hasMessageStartingWith("DDBStreamBatchInfo.streamArn: ");
    }

    @Test
    void aZeroBatchSize_isRefusedNamingTheField() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE.replace("\"batchSize\": 1", "\"batchSize\": 0")))
                .hasMessageStartingWith("DDBStreamBatchInfo.batchSize: ");
    }

    @Test
    void trailingContentAfterTheObject_isRefused() {
        assertThatThrownBy(() -> FailureMessages.parse(LAMBDA_EXAMPLE + " {}")).hasMessageContaining("content after");
    }
}
