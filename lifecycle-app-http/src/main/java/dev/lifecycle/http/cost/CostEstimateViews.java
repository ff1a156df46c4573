package dev.lifecycle.http.cost;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifecycle.domain.cost.BillingClass;
import dev.lifecycle.domain.cost.CostAssumptions;
import dev.lifecycle.domain.cost.CostEstimate;
import dev.lifecycle.domain.cost.CostLines;
import dev.lifecycle.domain.cost.CostRules;
import dev.lifecycle.domain.cost.LayoutEstimate;
import dev.lifecycle.domain.cost.StorageCharge;
import dev.lifecycle.domain.cost.Throughput;
import dev.lifecycle.domain.policy.ArchiveLayout;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How a cost estimate looks in the API: money in US dollars rounded to cents, GB-months to hundredths. */
public final class CostEstimateViews {

    private CostEstimateViews() {
    }

    /**
     * An estimate: what it assumed, how the stream processor sees the workload, how long each
     * archive object is billed ({@code null}: for ever), the per-item and batched layouts side by
     * side ({@code current} marks the one the policy uses), what batching would save, and notes.
     */
    public record Estimate(String policyId, long policyVersion, String currency, Assumptions assumptions, Workload workload,
                           Integer archiveLifetimeDays, Layout perItem, Layout batched, Saving batchingSaves, List<String> notes) {

        static Estimate of(CostEstimate estimate) {
            return new Estimate(estimate.policyId().value(), estimate.policyVersion().value(), "USD", Assumptions.of(estimate.assumptions()),
                    Workload.of(estimate.throughput()),
                    estimate.archiveLifetimeDays().isPresent() ? estimate.archiveLifetimeDays().getAsInt() : null,
                    Layout.of(estimate.perItem(), estimate.policyLayout()), Layout.of(estimate.batched(), estimate.policyLayout()), Saving.of(estimate), estimate.notes());
        }
    }

    /** The assumptions, the defaults filled in; a month is {@code daysPerMonth} days. */
    public record Assumptions(long deletionsPerDay, int averageItemBytes, int months, long restoresPerMonth, String architecture,
                              int memoryMb, int batchSize, int batchingWindowSeconds, int shards, double invocationOverheadMs,
                              double perRecordMs, double compressionRatio, int entryOverheadBytes, boolean versionedBucket,
                              int daysPerMonth) {

        static Assumptions of(CostAssumptions a) {
            return new Assumptions(a.deletionsPerDay(), a.averageItemBytes(), a.months(), a.restoresPerMonth(),
                    a.architecture().lambdaName(), a.memoryMb(), a.batchSize(), a.batchingWindowSeconds(), a.shards(),
                    a.invocationOverheadMs(), a.perRecordMs(), a.compressionRatio(), a.entryOverheadBytes(), a.versionedBucket(),
                    CostRules.DAYS_PER_MONTH);
        }
    }

    /**
     * The stream processor's view, the same for both layouts: records a second on each shard,
     * records per invocation, invocations a month, the duration of one, GB-seconds a month, and the
     * (day, cause) partitions of a batch with the ledger writes they make.
     */
    public record Workload(BigDecimal recordsPerSecondPerShard, BigDecimal recordsPerBatch, long invocationsPerMonth,
                           BigDecimal durationMsPerInvocation, long gbSecondsPerMonth, BigDecimal partitionsPerBatch,
                           long ledgerWritesPerMonth) {

        static Workload of(Throughput t) {
            return new Workload(round(t.recordsPerSecondPerShard(), 2), round(t.recordsPerBatch(), 2), Math.round(t.invocationsPerMonth()),
                    round(t.durationMsPerInvocation(), 1), Math.round(t.gbSecondsPerMonth()), round(t.partitionsPerBatch(), 2),
                    Math.round(t.ledgerWritesPerMonth()));
        }
    }

    /**
     * One archive layout: whether the platform can archive this way today, its objects (size,
     * number a month, entries in each, whether S3 transitions them), each month's costs, the sum
     * over the horizon, and, when archives expire, the month from which every month costs the same
     * and that month's costs.
     */
    public record Layout(String layout, boolean current, String description, long objectBytes, long objectsPerMonth,
                         BigDecimal entriesPerObject, boolean transitioned, List<Costs> months, Costs total, Integer steadyFromMonth,
                         Costs steadyMonth) {

        static Layout of(LayoutEstimate layout, ArchiveLayout policyLayout) {
            List<Costs> months = new ArrayList<>();
            for (int month = 1; month <= layout.months().size(); month++) {
                months.add(Costs.of(month, layout.month(month)));
            }
            return new Layout(layout.layout().name(), layout.layout() == policyLayout, layout.layout().description(),
                    Math.round(layout.objectBytes()), Math.round(layout.objectsPerMonth()), round(layout.entriesPerObject(), 2),
                    layout.transitioned(), months, Costs.of(null, layout.total()),
                    layout.steadyFromMonth().isPresent() ? layout.steadyFromMonth().getAsInt() : null,
                    layout.steadyMonth().map(lines -> Costs.of(layout.steadyFromMonth().getAsInt(), lines)).orElse(null));
        }
    }

    /** A month's costs (or a sum, without {@code month}), by what they pay for; {@code storageByClass} lists the classes used. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Costs(Integer month, BigDecimal lambdaRequests, BigDecimal lambdaDuration, BigDecimal s3Puts, BigDecimal transitions,
                        BigDecimal storage, Map<String, Storage> storageByClass, BigDecimal earlyDeletion,
                        BigDecimal intelligentTieringMonitoring, BigDecimal ledgerWrites, BigDecimal restores, BigDecimal total) {

        static Costs of(Integer month, CostLines lines) {
            Map<String, Storage> byClass = new LinkedHashMap<>();
            for (BillingClass billingClass : BillingClass.values()) {
                StorageCharge charge = lines.storage().get(billingClass);
                if (charge != null) {
                    byClass.put(billingClass.name(), new Storage(round(charge.gbMonths(), 2), money(charge.cost())));
                }
            }
            return new Costs(month, money(lines.lambdaRequests()), money(lines.lambdaDuration()), money(lines.s3Puts()),
                    money(lines.transitions()), money(lines.storageTotal()), byClass, money(lines.earlyDeletion()),
                    money(lines.intelligentTieringMonitoring()), money(lines.ledgerWrites()), money(lines.restores()),
                    money(lines.total()));
        }
    }

    /** Storage in one class: GB-months (2^30 bytes for a month of 30 days) and their cost. */
    public record Storage(BigDecimal gbMonths, BigDecimal cost) {
    }

    /** What batching would save: per item minus batched, over the horizon, once steady, and each month. */
    public record Saving(BigDecimal total, BigDecimal steadyMonth, List<MonthSaving> months) {

        static Saving of(CostEstimate estimate) {
            List<MonthSaving> months = new ArrayList<>();
            for (int month = 1; month <= estimate.assumptions().months(); month++) {
                double perItem = estimate.perItem().month(month).total();
                double batched = estimate.batched().month(month).total();
                months.add(new MonthSaving(month, money(perItem), money(batched), money(perItem - batched)));
            }
            BigDecimal steady = estimate.perItem().steadyMonth().isPresent()
                    ? money(estimate.perItem().steadyMonth().get().total() - estimate.batched().steadyMonth().get().total())
                    : null;
            return new Saving(money(estimate.totalSaving()), steady, months);
        }
    }

    /** One month's totals in both layouts, and the difference. */
    public record MonthSaving(int month, BigDecimal perItem, BigDecimal batched, BigDecimal saving) {
    }

    static BigDecimal money(double dollars) {
        return round(dollars, 2);
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
