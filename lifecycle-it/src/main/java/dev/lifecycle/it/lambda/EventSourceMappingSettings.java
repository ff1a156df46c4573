package dev.lifecycle.it.lambda;

import java.time.Duration;
import java.util.Optional;

/**
 * The settings of a Lambda event source mapping for a DynamoDB stream, with Lambda's names and
 * meanings. {@code -1} retries or a negative record age mean "forever", as in Lambda.
 */
public record EventSourceMappingSettings(
        int batchSize,
        Duration maximumBatchingWindow,
        int maximumRetryAttempts,
        Duration maximumRecordAge,
        boolean bisectBatchOnFunctionError,
        boolean reportBatchItemFailures,
        boolean removeRecordsOnly,
        StartingPosition startingPosition,
        Optional<String> onFailureQueueUrl,
        Duration pollInterval) {

    /** Where a new mapping starts reading each shard. */
    public enum StartingPosition {
        TRIM_HORIZON, LATEST
    }

    /** Lambda's payload limit for one synchronous invocation. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    public EventSourceMappingSettings {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be 1 to 10000, was " + batchSize);
        }
        if (maximumRetryAttempts < -1) {
            throw new IllegalArgumentException("maximumRetryAttempts must be -1 (forever) or more, was " + maximumRetryAttempts);
        }
    }

    /** What the product's deployment template configures: REMOVE only, partial failures, bisect, bounded retries. */
    public static EventSourceMappingSettings recommended(String onFailureQueueUrl) {
        return new EventSourceMappingSettings(100, Duration.ofMillis(500), 3, Duration.ofHours(1), true, true, true,
                StartingPosition.TRIM_HORIZON, Optional.of(onFailureQueueUrl), Duration.ofMillis(100));
    }

    public EventSourceMappingSettings withBatchSize(int size) {
        return new EventSourceMappingSettings(size, maximumBatchingWindow, maximumRetryAttempts, maximumRecordAge,
                bisectBatchOnFunctionError, reportBatchItemFailures, removeRecordsOnly, startingPosition, onFailureQueueUrl,
                pollInterval);
    }

    public EventSourceMappingSettings withMaximumRetryAttempts(int attempts) {
        return new EventSourceMappingSettings(batchSize, maximumBatchingWindow, attempts, maximumRecordAge,
                bisectBatchOnFunctionError, reportBatchItemFailures, removeRecordsOnly, startingPosition, onFailureQueueUrl,
                pollInterval);
    }

    public EventSourceMappingSettings withBisect(boolean bisect) {
        return new EventSourceMappingSettings(batchSize, maximumBatchingWindow, maximumRetryAttempts, maximumRecordAge,
                bisect, reportBatchItemFailures, removeRecordsOnly, startingPosition, onFailureQueueUrl, pollInterval);
    }

    public EventSourceMappingSettings withMaximumRecordAge(Duration age) {
        return new EventSourceMappingSettings(batchSize, maximumBatchingWindow, maximumRetryAttempts, age,
                bisectBatchOnFunctionError, reportBatchItemFailures, removeRecordsOnly, startingPosition, onFailureQueueUrl,
                pollInterval);
    }

    public EventSourceMappingSettings withAllEvents() {
        return new EventSourceMappingSettings(batchSize, maximumBatchingWindow, maximumRetryAttempts, maximumRecordAge,
                bisectBatchOnFunctionError, reportBatchItemFailures, false, startingPosition, onFailureQueueUrl, pollInterval);
    }

    boolean retriesForever() {
        return maximumRetryAttempts < 0;
    }

    boolean recordsAgeForever() {
        return maximumRecordAge == null || maximumRecordAge.isNegative();
    }
}
