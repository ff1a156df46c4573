package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.apply.ConfigurationRules;
import dev.lifecycle.domain.cost.CostRules.Residence;
import dev.lifecycle.domain.cost.CostRules.Stay;
import dev.lifecycle.domain.policy.ArchiveLayout;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.Violation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Estimates what a policy costs a month with a price table: the stream processor's Lambda
 * invocations and duration, the ledger's writes, and for each archive layout its S3 PUTs,
 * transitions, storage per class day by day (objects written every day from day 0), early-deletion
 * charges, Intelligent-Tiering monitoring and restores. Pure arithmetic; docs/operations.md explains
 * each assumption.
 */
public final class CostModel {

    private final PriceTable prices;

    public CostModel(PriceTable prices) {
        if (prices == null) {
            throw new IllegalArgumentException("a cost model needs a price table");
        }
        this.prices = prices;
    }

    public CostEstimate estimate(RetentionPolicy policy, CostAssumptions assumptions) {
        if (policy.objectLock().isPresent() && !assumptions.versionedBucket()) {
            throw new InvalidCostAssumptionsException(List.of(new Violation("versionedBucket",
                    "must be true: the policy locks its archive objects, and S3 Object Lock needs a versioned bucket")));
        }
        Throughput throughput = CostRules.throughput(assumptions, policy.archivedCauses().size());
        OptionalInt lifetime = CostRules.lifetimeDays(policy, assumptions.versionedBucket());
        Shared shared = shared(assumptions, throughput);

        double entryBytes = assumptions.entryBytes();
        LayoutEstimate perItem = layout(ArchiveLayout.PER_ITEM, policy, assumptions, lifetime, shared,
                assumptions.deletionsPerDay(), entryBytes, 1, entryBytes, 1);
        double entriesPerObject = throughput.recordsPerBatch() / throughput.partitionsPerBatch();
        double compressedEntry = entryBytes * assumptions.compressionRatio();
        LayoutEstimate batched = layout(ArchiveLayout.BATCHED, policy, assumptions, lifetime, shared,
                throughput.invocationsPerDay() * throughput.partitionsPerBatch(), entriesPerObject * compressedEntry, entriesPerObject,
                compressedEntry, 2);
        return new CostEstimate(policy.id(), policy.version(), policy.destination().layout(), assumptions, throughput, lifetime, perItem, batched,
                notes(policy, assumptions, lifetime, perItem, batched));
    }

    /** The monthly costs both layouts share: the function and the ledger, and a restored item's DynamoDB requests. */
    private record Shared(double lambdaRequests, double lambdaDuration, double ledgerWrites, double dynamoDbPerRestore) {
    }

    private Shared shared(CostAssumptions assumptions, Throughput throughput) {
        double dynamoDbPerRestore = CostRules.restoreWriteUnits(assumptions.averageItemBytes()) * prices.dynamoDbWritesPerMillion() / 1e6
                + CostRules.restoreReadUnits(assumptions.averageItemBytes()) * prices.dynamoDbReadsPerMillion() / 1e6;
        return new Shared(throughput.invocationsPerMonth() / 1e6 * prices.lambdaRequestsPerMillion(),
                throughput.gbSecondsPerMonth() * prices.lambdaGbSecond(assumptions.architecture()),
                throughput.ledgerWritesPerMonth() / 1e6 * prices.dynamoDbWritesPerMillion(), dynamoDbPerRestore);
    }

    /**
     * One layout month by month, and once storage has stopped growing. {@code rangeBytes} is what a
     * restore of one entry reads from an object that can be read in place, with
     * {@code getsPerRestore} GETs; an object in GLACIER or DEEP_ARCHIVE is restored whole first.
     */
    private LayoutEstimate layout(ArchiveLayout layout, RetentionPolicy policy, CostAssumptions assumptions, OptionalInt lifetime,
                                  Shared shared, double objectsPerDay, double objectBytes, double entriesPerObject, double rangeBytes,
                                  int getsPerRestore) {
        // A batch object is written with its index beside it: two PUTs.
        int putsPerObject = layout == ArchiveLayout.BATCHED ? 2 : 1;
        LayoutCosts calculation = new LayoutCosts(CostRules.stays(policy, objectBytes, lifetime), assumptions, shared, objectsPerDay,
                objectBytes, rangeBytes, getsPerRestore, putsPerObject);
        List<CostLines> months = new ArrayList<>();
        CostLines total = CostLines.NONE;
        for (int month = 1; month <= assumptions.months(); month++) {
            CostLines lines = calculation.month(month);
            months.add(lines);
            total = total.plus(lines);
        }
        OptionalInt steadyFrom = CostRules.steadyFromMonth(lifetime);
        return new LayoutEstimate(layout, objectBytes, objectsPerDay * CostRules.DAYS_PER_MONTH, entriesPerObject,
                CostRules.transitions(objectBytes), months, total, steadyFrom,
                steadyFrom.isPresent() ? Optional.of(calculation.month(steadyFrom.getAsInt())) : Optional.empty());
    }

    /** The costs of one layout in any month: objects of one size, written every day from day 0 at the same rate. */
    private final class LayoutCosts {
        private final List<Stay> stays;
        private final CostAssumptions assumptions;
        private final Shared shared;
        private final double objectsPerDay;
        private final double objectBytes;
        private final double rangeBytes;
        private final int getsPerRestore;
        private final int putsPerObject;

        LayoutCosts(List<Stay> stays, CostAssumptions assumptions, Shared shared, double objectsPerDay, double objectBytes,
                    double rangeBytes, int getsPerRestore, int putsPerObject) {
            this.stays = stays;
            this.assumptions = assumptions;
            this.shared = shared;
            this.objectsPerDay = objectsPerDay;
            this.objectBytes = objectBytes;
            this.rangeBytes = rangeBytes;
            this.getsPerRestore = getsPerRestore;
            this.putsPerObject = putsPerObject;
        }

        CostLines month(int month) {
            long first = (long) (month - 1) * CostRules.DAYS_PER_MONTH;
            long last = first + CostRules.DAYS_PER_MONTH - 1;
            Map<BillingClass, StorageCharge> storage = new EnumMap<>(BillingClass.class);
            Map<BillingClass, Double> objectDaysByClass = new EnumMap<>(BillingClass.class);
            double transitions = 0;
            double earlyDeletion = 0;
            double monitoring = 0;
            for (Stay stay : stays) {
                for (Residence residence : CostRules.residences(stay)) {
                    long writeDaysPresent = 0;
                    for (long day = first; day <= last; day++) {
                        writeDaysPresent += residence.writeDaysPresentOn(day);
                    }
                    if (writeDaysPresent == 0) {
                        continue;
                    }
                    double objectDays = writeDaysPresent * objectsPerDay;
                    objectDaysByClass.merge(residence.billingClass(), objectDays, Double::sum);
                    CostRules.billedBytes(residence.billingClass(), objectBytes).forEach((billingClass, bytes) -> {
                        double gbMonths = objectDays * bytes / CostRules.BYTES_PER_GB / CostRules.DAYS_PER_MONTH;
                        storage.merge(billingClass, new StorageCharge(gbMonths, gbMonths * prices.of(billingClass).storagePerGbMonth()),
                                StorageCharge::plus);
                    });
                    if (residence.billingClass().intelligentTiering()) {
                        monitoring += objectDays / CostRules.DAYS_PER_MONTH / 1000 * prices.intelligentTieringMonitoringPer1000Objects();
                    }
                }
                if (stay.byTransition()) {
                    transitions += objectsPerDay * daysFrom(stay.fromDay(), first, last) / 1000
                            * prices.of(stay.entered()).transitionPer1000();
                }
                if (stay.daysBilledEarly() > 0) {
                    double leaving = objectsPerDay * daysFrom(stay.untilDay(), first, last);
                    double bytes = CostRules.billedBytes(stay.entered(), objectBytes).get(stay.entered());
                    earlyDeletion += leaving * stay.daysBilledEarly() * bytes / CostRules.BYTES_PER_GB / CostRules.DAYS_PER_MONTH
                            * prices.of(stay.entered()).storagePerGbMonth();
                }
            }
            return new CostLines(shared.lambdaRequests(), shared.lambdaDuration(),
                    objectsPerDay * putsPerObject * CostRules.DAYS_PER_MONTH / 1000 * prices.putPer1000(), transitions, storage, earlyDeletion, monitoring,
                    shared.ledgerWrites(), restores(objectDaysByClass));
        }

        /**
         * Restored items are drawn evenly from what the archive holds that month: each class gets the
         * share of the month's objects that it holds. In place: GETs and the retrieval of the entry's
         * bytes. From GLACIER or DEEP_ARCHIVE: a restore request and retrieval of the whole object
         * (Standard tier), then the GETs. Each item is then read and written back in DynamoDB.
         */
        private double restores(Map<BillingClass, Double> objectDaysByClass) {
            if (assumptions.restoresPerMonth() == 0) {
                return 0;
            }
            double all = objectDaysByClass.values().stream().mapToDouble(Double::doubleValue).sum();
            double perItem = 0;
            for (Map.Entry<BillingClass, Double> share : objectDaysByClass.entrySet()) {
                PriceTable.ClassPrices price = prices.of(share.getKey());
                boolean archival = share.getKey().archival();
                double cost = getsPerRestore * price.getPer1000() / 1000
                        + (archival ? objectBytes : rangeBytes) / CostRules.BYTES_PER_GB * price.retrievalPerGb()
                        + (archival ? price.restoreRequestsPer1000() / 1000 : 0);
                perItem += share.getValue() / all * cost;
            }
            return assumptions.restoresPerMonth() * (perItem + shared.dynamoDbPerRestore());
        }
    }

    /** Of the days {@code first..last}, how many are {@code day} or later: objects written daily reach an age that often. */
    private static long daysFrom(long day, long first, long last) {
        return Math.max(0, last - Math.max(first, day) + 1);
    }

    private static List<String> notes(RetentionPolicy policy, CostAssumptions assumptions, OptionalInt lifetime, LayoutEstimate perItem,
                                      LayoutEstimate batched) {
        List<String> notes = new ArrayList<>();
        notes.add(policy.destination().layout() == ArchiveLayout.BATCHED
                ? "The policy archives BATCHED (archiveLayout): the per-item figures say what one object per removal would cost instead."
                : "The policy archives PER_ITEM (archiveLayout): the batched figures say what \"archiveLayout\": \"BATCHED\" would cost instead.");
        notes.add("Each batch object has an index beside it: its PUT is counted; its storage (about 60 bytes per entry, compressed,"
                + " in STANDARD) is not.");
        for (LayoutEstimate layout : List.of(perItem, batched)) {
            if (!layout.transitioned() && !policy.tiers().isEmpty()) {
                notes.add(String.format(Locale.ROOT, "%s objects (about %,.0f bytes) are under 128 KiB: S3 does not transition them by"
                        + " default, so they stay in STANDARD and the policy's tiers do not apply to them.",
                        layout.layout() == ArchiveLayout.PER_ITEM ? "Per-item" : "Batched", layout.objectBytes()));
            }
        }
        if (lifetime.isEmpty()) {
            notes.add("The policy has no archiveExpiryDays: archives are kept for ever and storage grows every month.");
        } else if (assumptions.versionedBucket()) {
            notes.add(String.format(Locale.ROOT, "The bucket is versioned: an expired archive stays as a noncurrent version until the"
                    + " platform's rule deletes it %d days later%s, so each object is billed for %d days.",
                    ConfigurationRules.NONCURRENT_VERSION_GRACE_DAYS,
                    policy.objectLock().filter(lock -> lock.days() > policy.archiveExpiryDays().get()
                            + ConfigurationRules.NONCURRENT_VERSION_GRACE_DAYS).isPresent() ? " (object lock keeps it longer)" : "",
                    lifetime.getAsInt()));
        }
        boolean archival = policy.tiers().stream().anyMatch(t -> BillingClass.enteredBy(t.storageClass()).archival());
        if (archival && assumptions.restoresPerMonth() > 0 && (perItem.transitioned() || batched.transitioned())) {
            notes.add("Restores from GLACIER or DEEP_ARCHIVE are priced with an S3 restore (Standard retrieval) first; the platform"
                    + " does not request one yet, so such restores fail today.");
        }
        notes.add("Lambda duration is modelled as invocationOverheadMs plus perRecordMs for each record, the same for both layouts;"
                + " the defaults are assumptions, not measurements: use the function's Duration metric.");
        notes.add("List prices from lifecycle.admin.prices.*: the first storage price tier, no free tier, no data transfer, taxes,"
                + " CloudWatch or alarms; a month is 30 days.");
        return notes;
    }
}
