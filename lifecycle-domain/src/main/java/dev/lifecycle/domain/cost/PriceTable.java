package dev.lifecycle.domain.cost;

import java.util.EnumMap;
import java.util.Map;

/**
 * The list prices an estimate uses, in US dollars: S3 requests, storage and retrieval per
 * {@link BillingClass}, Lambda requests and duration per architecture, and DynamoDB on-demand
 * request units. The admin API reads them from configuration ({@code lifecycle.admin.prices.*}).
 */
public record PriceTable(double putPer1000, Map<BillingClass, ClassPrices> classes, double intelligentTieringMonitoringPer1000Objects,
                         double lambdaRequestsPerMillion, double lambdaGbSecondArm64, double lambdaGbSecondX86,
                         double dynamoDbWritesPerMillion, double dynamoDbReadsPerMillion) {

    /**
     * What S3 charges for one class: a GB-month stored, a lifecycle transition into it (per 1,000
     * objects), a GET (per 1,000), a GB retrieved, and, for GLACIER and DEEP_ARCHIVE, a restore
     * request (per 1,000; Standard retrieval).
     */
    public record ClassPrices(double storagePerGbMonth, double transitionPer1000, double getPer1000, double retrievalPerGb,
                              double restoreRequestsPer1000) {

        public ClassPrices {
            requirePrice("storagePerGbMonth", storagePerGbMonth);
            requirePrice("transitionPer1000", transitionPer1000);
            requirePrice("getPer1000", getPer1000);
            requirePrice("retrievalPerGb", retrievalPerGb);
            requirePrice("restoreRequestsPer1000", restoreRequestsPer1000);
        }
    }

    public PriceTable {
        requirePrice("putPer1000", putPer1000);
        requirePrice("intelligentTieringMonitoringPer1000Objects", intelligentTieringMonitoringPer1000Objects);
        requirePrice("lambdaRequestsPerMillion", lambdaRequestsPerMillion);
        requirePrice("lambdaGbSecondArm64", lambdaGbSecondArm64);
        requirePrice("lambdaGbSecondX86", lambdaGbSecondX86);
        requirePrice("dynamoDbWritesPerMillion", dynamoDbWritesPerMillion);
        requirePrice("dynamoDbReadsPerMillion", dynamoDbReadsPerMillion);
        if (classes == null) {
            throw new IllegalArgumentException("classes must not be null");
        }
        for (BillingClass billingClass : BillingClass.values()) {
            if (classes.get(billingClass) == null) {
                throw new IllegalArgumentException("classes must price " + billingClass);
            }
        }
        classes = Map.copyOf(new EnumMap<>(classes));
    }

    public ClassPrices of(BillingClass billingClass) {
        return classes.get(billingClass);
    }

    public double lambdaGbSecond(Architecture architecture) {
        return architecture == Architecture.ARM64 ? lambdaGbSecondArm64 : lambdaGbSecondX86;
    }

    /** A price is a finite amount of money, zero or more. */
    public static double requirePrice(String name, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be a price of zero or more, was " + value);
        }
        return value;
    }
}
