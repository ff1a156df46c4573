package dev.lifecycle.domain.policy;

import java.util.Optional;

/**
 * How a policy's table is batched to the processor, where it differs from the platform's defaults:
 * Lambda's BatchSize (1 to 10,000 records; Lambda also caps a batch at 6 MB) and
 * MaximumBatchingWindowInSeconds (0 to 300). Empty means the platform's default.
 */
public record StreamBatching(Optional<Integer> batchSize, Optional<Integer> windowSeconds) {

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_WINDOW_SECONDS = 300;

    /** The platform's defaults for both. */
    public static final StreamBatching DEFAULTS = new StreamBatching(Optional.empty(), Optional.empty());

    public StreamBatching {
        if (batchSize == null || windowSeconds == null) {
            throw new IllegalArgumentException("stream batching needs a batch size and a window (use Optional.empty())");
        }
        batchSize.filter(size -> size < 1 || size > MAX_BATCH_SIZE).ifPresent(size -> {
            throw new IllegalArgumentException("must be 1 to " + MAX_BATCH_SIZE + " (Lambda's limit for DynamoDB streams), was " + size);
        });
        windowSeconds.filter(seconds -> seconds < 0 || seconds > MAX_WINDOW_SECONDS).ifPresent(seconds -> {
            throw new IllegalArgumentException("must be 0 to " + MAX_WINDOW_SECONDS + " seconds (Lambda's limit), was " + seconds);
        });
    }

    public static StreamBatching of(Integer batchSize, Integer windowSeconds) {
        return new StreamBatching(Optional.ofNullable(batchSize), Optional.ofNullable(windowSeconds));
    }
}
