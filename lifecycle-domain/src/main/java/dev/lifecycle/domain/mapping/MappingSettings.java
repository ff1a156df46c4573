package dev.lifecycle.domain.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The settings of an event source mapping from a DynamoDB stream to the processor that the platform
 * controls, with Lambda's names, units and limits. {@code -1} retries or record age mean "forever",
 * as in Lambda; the platform never asks for that, but a mapping changed by hand may have it.
 *
 * @param filterPatterns     the FilterCriteria patterns, each as JSON text without white space
 * @param failureDestination the on-failure destination's ARN (an SQS queue)
 */
public record MappingSettings(int batchSize, int batchingWindowSeconds, int parallelizationFactor, int maximumRetryAttempts,
                              int maximumRecordAgeSeconds, boolean bisectBatchOnFunctionError, boolean reportBatchItemFailures,
                              List<String> filterPatterns, Optional<String> failureDestination) {

    /** The one filter the platform sets: only REMOVE records reach the processor. */
    public static final String REMOVE_ONLY = "{\"eventName\":[\"REMOVE\"]}";

    public static final int MAX_BATCH_SIZE = 10_000;
    public static final int MAX_BATCHING_WINDOW_SECONDS = 300;
    public static final int MAX_PARALLELIZATION_FACTOR = 10;
    public static final int MAX_RETRY_ATTEMPTS = 10_000;
    public static final int MIN_RECORD_AGE_SECONDS = 60;
    public static final int MAX_RECORD_AGE_SECONDS = 604_800;

    public MappingSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("batchSize must be 1 to " + MAX_BATCH_SIZE + ", was " + batchSize);
        }
        if (batchingWindowSeconds < 0 || batchingWindowSeconds > MAX_BATCHING_WINDOW_SECONDS) {
            throw new IllegalArgumentException("batchingWindowSeconds must be 0 to " + MAX_BATCHING_WINDOW_SECONDS + ", was "
                    + batchingWindowSeconds);
        }
        if (parallelizationFactor < 1 || parallelizationFactor > MAX_PARALLELIZATION_FACTOR) {
            throw new IllegalArgumentException("parallelizationFactor must be 1 to " + MAX_PARALLELIZATION_FACTOR + ", was "
                    + parallelizationFactor);
        }
        if (maximumRetryAttempts < -1 || maximumRetryAttempts > MAX_RETRY_ATTEMPTS) {
            throw new IllegalArgumentException("maximumRetryAttempts must be -1 (forever) or 0 to " + MAX_RETRY_ATTEMPTS + ", was "
                    + maximumRetryAttempts);
        }
        if (maximumRecordAgeSeconds != -1
                && (maximumRecordAgeSeconds < MIN_RECORD_AGE_SECONDS || maximumRecordAgeSeconds > MAX_RECORD_AGE_SECONDS)) {
            throw new IllegalArgumentException("maximumRecordAgeSeconds must be -1 (forever) or " + MIN_RECORD_AGE_SECONDS + " to "
                    + MAX_RECORD_AGE_SECONDS + ", was " + maximumRecordAgeSeconds);
        }
        if (filterPatterns == null || failureDestination == null) {
            throw new IllegalArgumentException("mapping settings need filter patterns and a failure destination"
                    + " (use an empty list and Optional.empty())");
        }
        filterPatterns = List.copyOf(filterPatterns);
        failureDestination.filter(String::isBlank).ifPresent(blank -> {
            throw new IllegalArgumentException("failureDestination must be an ARN, was blank");
        });
    }

    /** The same settings with another batch size and batching window (a policy's override). */
    public MappingSettings withBatching(int size, int windowSeconds) {
        return new MappingSettings(size, windowSeconds, parallelizationFactor, maximumRetryAttempts, maximumRecordAgeSeconds,
                bisectBatchOnFunctionError, reportBatchItemFailures, filterPatterns, failureDestination);
    }

    /** Whether the settings are safe to archive with: every bound the platform relies on is set. */
    public boolean safe() {
        return bisectBatchOnFunctionError && reportBatchItemFailures && maximumRetryAttempts >= 0 && maximumRecordAgeSeconds >= 0
                && filterPatterns.equals(List.of(REMOVE_ONLY)) && failureDestination.isPresent();
    }

    /** Each setting that differs from {@code desired}, as "name current → desired", in a fixed order. */
    public List<String> differencesTo(MappingSettings desired) {
        List<String> differences = new ArrayList<>();
        differ(differences, "BatchSize", batchSize, desired.batchSize);
        differ(differences, "MaximumBatchingWindowInSeconds", batchingWindowSeconds, desired.batchingWindowSeconds);
        differ(differences, "ParallelizationFactor", parallelizationFactor, desired.parallelizationFactor);
        differ(differences, "MaximumRetryAttempts", maximumRetryAttempts, desired.maximumRetryAttempts);
        differ(differences, "MaximumRecordAgeInSeconds", maximumRecordAgeSeconds, desired.maximumRecordAgeSeconds);
        differ(differences, "BisectBatchOnFunctionError", bisectBatchOnFunctionError, desired.bisectBatchOnFunctionError);
        differ(differences, "FunctionResponseTypes", responseTypes(reportBatchItemFailures), responseTypes(desired.reportBatchItemFailures));
        differ(differences, "FilterCriteria", filterPatterns.isEmpty() ? "none" : String.join(" ", filterPatterns),
                desired.filterPatterns.isEmpty() ? "none" : String.join(" ", desired.filterPatterns));
        differ(differences, "DestinationConfig.OnFailure", failureDestination.orElse("none"), desired.failureDestination.orElse("none"));
        return List.copyOf(differences);
    }

    /** One line for plans and audit: the settings that matter to the archive. */
    public String describe() {
        return "batch " + batchSize + ", window " + batchingWindowSeconds + " s, parallelization " + parallelizationFactor
                + ", retries " + maximumRetryAttempts + ", record age " + maximumRecordAgeSeconds + " s"
                + (bisectBatchOnFunctionError ? ", bisect" : ", no bisect")
                + (reportBatchItemFailures ? ", partial batch responses" : ", no partial batch responses")
                + ", filter " + (filterPatterns.isEmpty() ? "none" : String.join(" ", filterPatterns))
                + ", on failure " + failureDestination.orElse("nowhere");
    }

    private static String responseTypes(boolean reportBatchItemFailures) {
        return reportBatchItemFailures ? "[ReportBatchItemFailures]" : "[]";
    }

    private static void differ(List<String> differences, String name, Object current, Object desired) {
        if (!current.equals(desired)) {
            differences.add(name + " " + current + " → " + desired);
        }
    }
}
