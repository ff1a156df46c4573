package dev.lifecycle.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.lifecycle.adapters.aws.stream.DecodedBatch;
import dev.lifecycle.adapters.aws.stream.LambdaStreamEventDecoder;
import dev.lifecycle.domain.stream.SequenceNumber;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Lambda entry point for DynamoDB stream batches. Decodes the raw event (streaming, no reflection),
 * archives through the domain, and answers {@code {"batchItemFailures":[...]}} with the sequence
 * number of every record that failed. A batch it cannot even split into records fails whole (the
 * exception propagates), which Lambda retries and, past the retry limit, sends to the failure queue.
 */
@Named("stream-processor")
public class StreamBatchHandler implements RequestStreamHandler {

    private static final JsonFactory JSON = new JsonFactory();

    private final LambdaStreamEventDecoder decoder = new LambdaStreamEventDecoder();
    private final StreamBatchProcessor processor;

    @Inject
    public StreamBatchHandler(StreamBatchProcessor processor) {
        this.processor = processor;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        DecodedBatch batch = decoder.decode(input);
        List<SequenceNumber> failures = processor.process(batch.table(), batch.records());
        writeResponse(failures, output);
    }

    static void writeResponse(List<SequenceNumber> failures, OutputStream output) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(output, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeArrayFieldStart("batchItemFailures");
            for (SequenceNumber failure : failures) {
                json.writeStartObject();
                json.writeStringField("itemIdentifier", failure.value());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
