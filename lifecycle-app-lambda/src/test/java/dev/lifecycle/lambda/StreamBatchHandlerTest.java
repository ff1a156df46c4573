package dev.lifecycle.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;

class StreamBatchHandlerTest {

    private final StreamBatchHandler handler = new StreamBatchHandler();

    @Test
    void everyRecord_isReportedFailed_withItsSequenceNumber() {
        StreamsEventResponse response = handler.handleRequest(batch(record("e1", "100"), record("e2", "200")), null);

        assertThat(response.getBatchItemFailures())
                .extracting(BatchItemFailure::getItemIdentifier)
                .containsExactly("100", "200");
    }

    @Test
    void recordWithoutSequenceNumber_failsTheWholeBatch() {
        DynamodbEvent event = batch(record("e1", "100"), record("e2", null));

        assertThatThrownBy(() -> handler.handleRequest(event, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("record #1")
                .hasMessageContaining("e2")
                .hasMessageContaining("no dynamodb.SequenceNumber");
    }

    @Test
    void recordWithBlankSequenceNumber_failsTheWholeBatch() {
        assertThatThrownBy(() -> handler.handleRequest(batch(record("e1", " ")), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordWithoutStreamData_failsTheWholeBatch() {
        DynamodbStreamRecord bare = new DynamodbStreamRecord();
        bare.setEventID("e1");

        assertThatThrownBy(() -> handler.handleRequest(batch(bare), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void emptyBatch_reportsNoFailures() {
        assertThat(handler.handleRequest(batch(), null).getBatchItemFailures()).isEmpty();
    }

    private static DynamodbEvent batch(DynamodbStreamRecord... records) {
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(Arrays.asList(records));
        return event;
    }

    private static DynamodbStreamRecord record(String eventId, String sequenceNumber) {
        StreamRecord data = new StreamRecord();
        data.setSequenceNumber(sequenceNumber);
        DynamodbStreamRecord record = new DynamodbStreamRecord();
        record.setEventID(eventId);
        record.setEventName("REMOVE");
        record.setDynamodb(data);
        return record;
    }
}
