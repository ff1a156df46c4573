package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.cost.PriceTable.ClassPrices;
import java.util.EnumMap;
import java.util.Map;

/** Price tables for tests: round numbers for arithmetic by hand, and the us-east-1 list prices the admin API defaults to. */
final class Prices {

    private Prices() {
    }

    /** $1 per 1,000 PUTs, GETs and transitions; storage $1, $0.5 or $0.1 a GB-month; retrieval $1 a GB; Lambda and DynamoDB $1 per million. */
    static PriceTable round() {
        Map<BillingClass, ClassPrices> classes = new EnumMap<>(BillingClass.class);
        for (BillingClass billingClass : BillingClass.values()) {
            double storage = switch (billingClass) {
                case STANDARD, INTELLIGENT_TIERING_FREQUENT -> 1;
                case STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING_INFREQUENT -> 0.5;
                default -> 0.1;
            };
            classes.put(billingClass, new ClassPrices(storage, 1, 1, billingClass == BillingClass.STANDARD ? 0 : 1,
                    billingClass.archival() ? 1 : 0));
        }
        return new PriceTable(1, classes, 1, 1, 1, 2, 1, 1);
    }

    /** us-east-1 list prices, late 2026, as in lifecycle.admin.prices.* (docs/configuration.md). */
    static PriceTable list() {
        Map<BillingClass, ClassPrices> classes = new EnumMap<>(BillingClass.class);
        classes.put(BillingClass.STANDARD, new ClassPrices(0.023, 0, 0.0004, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_FREQUENT, new ClassPrices(0.023, 0.01, 0.0004, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_INFREQUENT, new ClassPrices(0.0125, 0, 0.0004, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_ARCHIVE_INSTANT, new ClassPrices(0.004, 0, 0.0004, 0, 0));
        classes.put(BillingClass.STANDARD_IA, new ClassPrices(0.0125, 0.01, 0.001, 0.01, 0));
        classes.put(BillingClass.ONEZONE_IA, new ClassPrices(0.01, 0.01, 0.001, 0.01, 0));
        classes.put(BillingClass.GLACIER_IR, new ClassPrices(0.004, 0.02, 0.01, 0.03, 0));
        classes.put(BillingClass.GLACIER, new ClassPrices(0.0036, 0.03, 0.0004, 0.01, 0.05));
        classes.put(BillingClass.DEEP_ARCHIVE, new ClassPrices(0.00099, 0.05, 0.0004, 0.02, 0.10));
        return new PriceTable(0.005, classes, 0.0025, 0.20, 0.0000133334, 0.0000166667, 0.625, 0.125);
    }
}
