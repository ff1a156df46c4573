package dev.lifecycle.lambda;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent.DynamodbStreamRecord;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse.BatchItemFailure;

/** Lambda entry point for DynamoDB stream batches: reports which records must be retried. */
public class StreamBatchHandler implements RequestHandler<DynamodbEvent, StreamsEventResponse> {

    private static final Logger LOG = Logger.getLogger(StreamBatchHandler.class);

    // A record is never reported done unless archived; archiving is not wired yet, so none is.
    @Override
    public StreamsEventResponse handleRequest(DynamodbEvent event, Context context) {
        List<DynamodbStreamRecord> records = recordsOf(event);
        List<BatchItemFailure> failures = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            failures.add(new BatchItemFailure(sequenceNumberOf(records.get(i), i)));
        }
        if (!failures.isEmpty()) {
            LOG.warnf("Archiving is not wired in this build: reporting all %d records of the batch as failed, for retry",
                    failures.size());
        }
        return new StreamsEventResponse(failures);
    }

    private static List<DynamodbStreamRecord> recordsOf(DynamodbEvent event) {
        if (event == null || event.getRecords() == null) {
            return List.of();
        }
        return event.getRecords();
    }

    /**
     * Without a sequence number a record cannot be reported failed on its own, and an empty
     * identifier would let Lambda treat the batch as done: fail the whole batch instead.
     */
    private static String sequenceNumberOf(DynamodbStreamRecord record, int index) {
        String sequenceNumber = record == null || record.getDynamodb() == null
                ? null
                : record.getDynamodb().getSequenceNumber();
        if (sequenceNumber == null || sequenceNumber.isBlank()) {
            String eventId = record == null ? null : record.getEventID();
            throw new IllegalArgumentException("stream record #" + index + " (eventID " + eventId
                    + ") has no dynamodb.SequenceNumber: failing the whole batch so that Lambda retries it");
        }
        return sequenceNumber;
    }
}
