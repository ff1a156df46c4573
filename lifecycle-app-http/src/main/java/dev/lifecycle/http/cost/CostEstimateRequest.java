package dev.lifecycle.http.cost;

import dev.lifecycle.domain.cost.CostAssumptions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client tells a cost estimate: two figures it must give, and assumptions it may change (docs/operations.md#cost-model). */
public record CostEstimateRequest(
        @Schema(description = "Removals the policy archives a day, 1 to 10^10", required = true, example = "1000000") Long deletionsPerDay,
        @Schema(description = "Average DynamoDB item size in bytes, 1 to 409600", required = true, example = "2048") Integer averageItemBytes,
        @Schema(description = "Months estimated, 1 to 120 (default 12)") Integer months,
        @Schema(description = "Archived items restored a month (default 0)") Long restoresPerMonth,
        @Schema(description = "The function's CPU: arm64 (default) or x86_64") String architecture,
        @Schema(description = "The function's memory in MB, 128 to 10240 (default 1024)") Integer memoryMb,
        @Schema(description = "The event source mapping's BatchSize, 1 to 10000 (default 1000)") Integer batchSize,
        @Schema(description = "The mapping's batching window in seconds, 0 to 300 (default 5)") Integer batchingWindowSeconds,
        @Schema(description = "Shards of the table's stream, which share its records (default 1)") Integer shards,
        @Schema(description = "Milliseconds each invocation takes besides its records (default 100; an assumption)")
        Double invocationOverheadMs,
        @Schema(description = "Milliseconds each record adds to an invocation (default 1; an assumption)") Double perRecordMs,
        @Schema(description = "Compressed size / original size of batched archives, more than 0 and at most 1 (default 0.25)")
        Double compressionRatio,
        @Schema(description = "Bytes an archive entry adds to its item, 0 to 65536 (default 1024)") Integer entryOverheadBytes,
        @Schema(description = "Whether the archive bucket is versioned, as the deployment template makes it (default true)")
        Boolean versionedBucket) {

    CostAssumptions.Draft toDraft() {
        return new CostAssumptions.Draft(deletionsPerDay, averageItemBytes, months, restoresPerMonth, architecture, memoryMb, batchSize,
                batchingWindowSeconds, shards, invocationOverheadMs, perRecordMs, compressionRatio, entryOverheadBytes, versionedBucket);
    }
}
