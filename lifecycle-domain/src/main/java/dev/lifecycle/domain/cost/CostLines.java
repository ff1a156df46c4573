package dev.lifecycle.domain.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * Money, in US dollars, by what it pays for: Lambda requests and duration, S3 PUTs, lifecycle
 * transitions, storage per class, early-deletion charges, Intelligent-Tiering monitoring, ledger
 * writes and restores. One month's, or the sum over the estimate's horizon.
 */
public record CostLines(double lambdaRequests, double lambdaDuration, double s3Puts, double transitions,
                        Map<BillingClass, StorageCharge> storage, double earlyDeletion, double intelligentTieringMonitoring,
                        double ledgerWrites, double restores) {

    public static final CostLines NONE = new CostLines(0, 0, 0, 0, Map.of(), 0, 0, 0, 0);

    public CostLines {
        EnumMap<BillingClass, StorageCharge> byClass = new EnumMap<>(BillingClass.class);
        if (storage != null) {
            byClass.putAll(storage);
        }
        storage = java.util.Collections.unmodifiableMap(byClass);
    }

    public double storageTotal() {
        return storage.values().stream().mapToDouble(StorageCharge::cost).sum();
    }

    public double total() {
        return lambdaRequests + lambdaDuration + s3Puts + transitions + storageTotal() + earlyDeletion + intelligentTieringMonitoring
                + ledgerWrites + restores;
    }

    public CostLines plus(CostLines other) {
        EnumMap<BillingClass, StorageCharge> byClass = new EnumMap<>(BillingClass.class);
        byClass.putAll(storage);
        other.storage.forEach((billingClass, charge) -> byClass.merge(billingClass, charge, StorageCharge::plus));
        return new CostLines(lambdaRequests + other.lambdaRequests, lambdaDuration + other.lambdaDuration, s3Puts + other.s3Puts,
                transitions + other.transitions, byClass, earlyDeletion + other.earlyDeletion,
                intelligentTieringMonitoring + other.intelligentTieringMonitoring, ledgerWrites + other.ledgerWrites,
                restores + other.restores);
    }
}
