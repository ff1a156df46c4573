package dev.lifecycle.lambda;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Identity;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.Record;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registers the stream event and response types that Jackson reads and writes, for a native build. */
@RegisterForReflection(targets = {
        DynamodbEvent.class,
        DynamodbEvent.DynamodbStreamRecord.class,
        Record.class,
        StreamRecord.class,
        AttributeValue.class,
        Identity.class,
        StreamsEventResponse.class,
        StreamsEventResponse.BatchItemFailure.class
})
final class StreamEventReflection {

    private StreamEventReflection() {
    }
}
