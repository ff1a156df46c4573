package dev.lifecycle.domain.cost;

/**
 * How the stream processor sees a workload: records a second (on each shard), records per
 * invocation, invocations and billed GB-seconds a day, the billed duration of one invocation, and
 * the (day, cause) partitions of a batch: one ledger write each, and one object each in the
 * batched layout.
 */
public record Throughput(double recordsPerSecondPerShard, double recordsPerBatch, double invocationsPerDay,
                         double durationMsPerInvocation, double gbSecondsPerDay, double partitionsPerBatch) {

    public double invocationsPerMonth() {
        return invocationsPerDay * CostRules.DAYS_PER_MONTH;
    }

    public double gbSecondsPerMonth() {
        return gbSecondsPerDay * CostRules.DAYS_PER_MONTH;
    }

    public double ledgerWritesPerMonth() {
        return invocationsPerMonth() * partitionsPerBatch;
    }
}
