package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cost estimate assumes about the workload and the deployment. The workload: removals the
 * policy archives a day, their average DynamoDB item size, restores a month, and the horizon in
 * months. The stream processor (defaults from deploy/template.yaml): architecture, memory, the
 * event source mapping's batch size and batching window, the stream's shards, and its duration as
 * an overhead per invocation plus a cost per record. The archive: the compression ratio of batched
 * objects, what an archive entry adds to its item, and whether the bucket is versioned.
 */
public record CostAssumptions(long deletionsPerDay, int averageItemBytes, int months, long restoresPerMonth,
                              Architecture architecture, int memoryMb, int batchSize, int batchingWindowSeconds, int shards,
                              double invocationOverheadMs, double perRecordMs, double compressionRatio, int entryOverheadBytes,
                              boolean versionedBucket) {

    public static final long MAX_DELETIONS_PER_DAY = 10_000_000_000L;
    /** DynamoDB's item size limit, 400 KB. */
    public static final int MAX_ITEM_BYTES = 409_600;
    public static final int MAX_MONTHS = 120;
    public static final long MAX_RESTORES_PER_MONTH = 10_000_000_000L;

    public static final int DEFAULT_MONTHS = 12;
    public static final Architecture DEFAULT_ARCHITECTURE = Architecture.ARM64;
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_BATCH_SIZE = 1000;
    public static final int DEFAULT_BATCHING_WINDOW_SECONDS = 5;
    public static final int DEFAULT_SHARDS = 1;
    /** An assumption, not a measurement: start-up of the handler, the policy lookup, the ledger write. */
    public static final double DEFAULT_INVOCATION_OVERHEAD_MS = 100;
    /** An assumption, not a measurement: decoding, serializing and writing one archive entry (writes overlap). */
    public static final double DEFAULT_PER_RECORD_MS = 1;
    /** What gzip typically leaves of JSON text. */
    public static final double DEFAULT_COMPRESSION_RATIO = 0.25;
    /** The entry's envelope (format, keys, cause, times, ids, policy, checksum) and DynamoDB JSON's type wrappers. */
    public static final int DEFAULT_ENTRY_OVERHEAD_BYTES = 1024;

    public CostAssumptions {
        List<Violation> violations = new ArrayList<>();
        range(violations, "deletionsPerDay", deletionsPerDay, 1, MAX_DELETIONS_PER_DAY);
        range(violations, "averageItemBytes", averageItemBytes, 1, MAX_ITEM_BYTES);
        range(violations, "months", months, 1, MAX_MONTHS);
        range(violations, "restoresPerMonth", restoresPerMonth, 0, MAX_RESTORES_PER_MONTH);
        if (architecture == null) {
            violations.add(new Violation("architecture", "is required: arm64 or x86_64"));
        }
        range(violations, "memoryMb", memoryMb, 128, 10_240);
        range(violations, "batchSize", batchSize, 1, 10_000);
        range(violations, "batchingWindowSeconds", batchingWindowSeconds, 0, 300);
        range(violations, "shards", shards, 1, 100_000);
        range(violations, "invocationOverheadMs", invocationOverheadMs, 0, 900_000);
        range(violations, "perRecordMs", perRecordMs, 0, 900_000);
        if (!(compressionRatio > 0 && compressionRatio <= 1)) {
            violations.add(new Violation("compressionRatio", "must be more than 0 and at most 1 (compressed size / original size), was "
                    + compressionRatio));
        }
        range(violations, "entryOverheadBytes", entryOverheadBytes, 0, 65_536);
        if (!violations.isEmpty()) {
            throw new InvalidCostAssumptionsException(violations);
        }
    }

    /** The defaults for everything but the two figures only the caller knows. */
    public static CostAssumptions of(long deletionsPerDay, int averageItemBytes) {
        return new Draft(deletionsPerDay, averageItemBytes, null, null, null, null, null, null, null, null, null, null, null, null)
                .toAssumptions();
    }

    /** The size of one archive entry: the item and what the entry adds to it. */
    public long entryBytes() {
        return (long) averageItemBytes + entryOverheadBytes;
    }

    /**
     * The assumptions as a client gives them: any field may be missing. {@link #toAssumptions()}
     * fills in the defaults and reports every missing or invalid field at once.
     */
    public record Draft(Long deletionsPerDay, Integer averageItemBytes, Integer months, Long restoresPerMonth, String architecture,
                        Integer memoryMb, Integer batchSize, Integer batchingWindowSeconds, Integer shards,
                        Double invocationOverheadMs, Double perRecordMs, Double compressionRatio, Integer entryOverheadBytes,
                        Boolean versionedBucket) {

        /** @throws InvalidCostAssumptionsException naming each field that is missing or out of range */
        public CostAssumptions toAssumptions() {
            List<Violation> violations = new ArrayList<>();
            if (deletionsPerDay == null) {
                violations.add(new Violation("deletionsPerDay", "is required: the removals the policy archives a day, 1 to "
                        + MAX_DELETIONS_PER_DAY));
            }
            if (averageItemBytes == null) {
                violations.add(new Violation("averageItemBytes", "is required: the average DynamoDB item size in bytes, 1 to "
                        + MAX_ITEM_BYTES));
            }
            Architecture cpu = DEFAULT_ARCHITECTURE;
            if (architecture != null) {
                cpu = Architecture.ofLambdaName(architecture).orElse(null);
                if (cpu == null) {
                    violations.add(new Violation("architecture", "must be arm64 or x86_64, was '" + architecture + "'"));
                }
            }
            // A missing required field stands in as 1, so that only the other fields' own rules are reported with it.
            CostAssumptions assumptions = null;
            try {
                assumptions = new CostAssumptions(deletionsPerDay == null ? 1 : deletionsPerDay,
                        averageItemBytes == null ? 1 : averageItemBytes, or(months, DEFAULT_MONTHS), or(restoresPerMonth, 0L),
                        cpu == null ? DEFAULT_ARCHITECTURE : cpu, or(memoryMb, DEFAULT_MEMORY_MB), or(batchSize, DEFAULT_BATCH_SIZE),
                        or(batchingWindowSeconds, DEFAULT_BATCHING_WINDOW_SECONDS), or(shards, DEFAULT_SHARDS),
                        or(invocationOverheadMs, DEFAULT_INVOCATION_OVERHEAD_MS), or(perRecordMs, DEFAULT_PER_RECORD_MS),
                        or(compressionRatio, DEFAULT_COMPRESSION_RATIO), or(entryOverheadBytes, DEFAULT_ENTRY_OVERHEAD_BYTES),
                        or(versionedBucket, true));
            } catch (InvalidCostAssumptionsException e) {
                violations.addAll(e.violations());
            }
            if (!violations.isEmpty()) {
                throw new InvalidCostAssumptionsException(violations);
            }
            return assumptions;
        }

        private static <T> T or(T value, T fallback) {
            return value == null ? fallback : value;
        }
    }

    private static void range(List<Violation> violations, String field, long value, long min, long max) {
        if (value < min || value > max) {
            violations.add(new Violation(field, "must be from " + min + " to " + max + ", was " + value));
        }
    }

    private static void range(List<Violation> violations, String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            violations.add(new Violation(field, "must be from " + plain(min) + " to " + plain(max) + ", was " + value));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
