package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.apply.ConfigurationRules;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.StorageTier;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The rules of AWS billing and of the platform that an estimate applies, each a named function:
 * how records become invocations, which objects S3 transitions, what size it bills, how long an
 * archive object lives, and where it is on each day of its life.
 */
public final class CostRules {

    /** A month is 30 days, as in AWS's own pricing examples. */
    public static final int DAYS_PER_MONTH = 30;
    public static final double SECONDS_PER_DAY = 86_400;
    /** S3 bills a GB as 2^30 bytes. */
    public static final double BYTES_PER_GB = 1024.0 * 1024 * 1024;
    /** Lambda polls each shard of a DynamoDB stream four times a second, so a batch gathers for at least this long. */
    public static final double POLL_INTERVAL_SECONDS = 0.25;
    /** Lambda's invocation payload limit, 6 MB, which caps a batch below its batch size when items are large. */
    public static final long MAX_PAYLOAD_BYTES = 6L * 1024 * 1024;
    /**
     * 128 KiB: by default S3 does not transition smaller objects to any class, and Standard-IA,
     * One Zone-IA and Glacier Instant Retrieval bill every smaller object as this size.
     */
    public static final long SMALL_OBJECT_BYTES = 128 * 1024;
    /** GLACIER and DEEP_ARCHIVE bill 32 KiB per object for their index at their own price... */
    public static final long ARCHIVAL_INDEX_BYTES = 32 * 1024;
    /** ... and 8 KiB per object for its name and metadata at the STANDARD price. */
    public static final long ARCHIVAL_METADATA_BYTES = 8 * 1024;
    /** An Intelligent-Tiering object not read for 30 days moves to its infrequent tier, after 90 days to archive instant. */
    public static final int INTELLIGENT_TIERING_INFREQUENT_AFTER_DAYS = 30;
    public static final int INTELLIGENT_TIERING_ARCHIVE_INSTANT_AFTER_DAYS = 90;
    /** The age of an object that is never deleted. */
    public static final int FOREVER = Integer.MAX_VALUE;

    private CostRules() {
    }

    /**
     * Records reach the function in batches: the mapping gathers a shard's records for the batching
     * window (at least one poll interval), up to the batch size and the payload limit, and never
     * fewer than one. Each invocation lasts its overhead plus a cost per record; each batch holds
     * at most one partition per cause the policy archives (the day a batch spans is almost always one).
     */
    public static Throughput throughput(CostAssumptions assumptions, int causes) {
        double perShard = assumptions.deletionsPerDay() / SECONDS_PER_DAY / assumptions.shards();
        double gathered = perShard * Math.max(assumptions.batchingWindowSeconds(), POLL_INTERVAL_SECONDS);
        long payloadCap = Math.max(1, MAX_PAYLOAD_BYTES / assumptions.entryBytes());
        double records = Math.min(Math.max(1, gathered), Math.min(assumptions.batchSize(), payloadCap));
        double invocations = assumptions.deletionsPerDay() / records;
        double durationMs = assumptions.invocationOverheadMs() + assumptions.perRecordMs() * records;
        double gbSeconds = invocations * durationMs / 1000 * assumptions.memoryMb() / 1024;
        return new Throughput(perShard, records, invocations, durationMs, gbSeconds, Math.min(records, Math.max(1, causes)));
    }

    /** S3's default for lifecycle configurations: objects under 128 KiB are not transitioned to any class. */
    public static boolean transitions(double objectBytes) {
        return objectBytes >= SMALL_OBJECT_BYTES;
    }

    /**
     * The bytes S3 bills for one object in {@code billingClass}, by the class they are billed in:
     * at least 128 KiB in STANDARD_IA, ONEZONE_IA and GLACIER_IR; in GLACIER and DEEP_ARCHIVE 32 KiB
     * more there and 8 KiB in STANDARD.
     */
    public static Map<BillingClass, Double> billedBytes(BillingClass billingClass, double objectBytes) {
        Map<BillingClass, Double> billed = new EnumMap<>(BillingClass.class);
        switch (billingClass) {
            case STANDARD_IA, ONEZONE_IA, GLACIER_IR -> billed.put(billingClass, Math.max(objectBytes, SMALL_OBJECT_BYTES));
            case GLACIER, DEEP_ARCHIVE -> {
                billed.put(billingClass, objectBytes + ARCHIVAL_INDEX_BYTES);
                billed.put(BillingClass.STANDARD, (double) ARCHIVAL_METADATA_BYTES);
            }
            default -> billed.put(billingClass, objectBytes);
        }
        return billed;
    }

    /**
     * How many days an archive object is billed, or empty when it is kept for ever: its
     * {@code archiveExpiryDays}; in a versioned bucket 30 days more, until the platform's rule
     * deletes the noncurrent version, and at least as long as object lock retains the version.
     */
    public static OptionalInt lifetimeDays(RetentionPolicy policy, boolean versionedBucket) {
        if (policy.archiveExpiryDays().isEmpty()) {
            return OptionalInt.empty();
        }
        int days = policy.archiveExpiryDays().get();
        if (versionedBucket) {
            days += ConfigurationRules.NONCURRENT_VERSION_GRACE_DAYS;
            days = Math.max(days, policy.objectLock().map(lock -> lock.days()).orElse(0));
        }
        return OptionalInt.of(days);
    }

    /**
     * The first month from which storage no longer grows: its first day is at or past the last day
     * of an object's life, so objects expire as fast as they are written. Empty when archives never expire.
     */
    public static OptionalInt steadyFromMonth(OptionalInt lifetimeDays) {
        if (lifetimeDays.isEmpty()) {
            return OptionalInt.empty();
        }
        int lastDayOfLife = lifetimeDays.getAsInt() - 1;
        return OptionalInt.of((lastDayOfLife + DAYS_PER_MONTH - 1) / DAYS_PER_MONTH + 1);
    }

    /**
     * One stay of an object in a class: from the day of its life it enters (0 is the day it is
     * written) until the day it leaves (exclusive; {@link #FOREVER} if never), whether a lifecycle
     * transition moved it there, and the days S3 bills at least once it is there.
     */
    public record Stay(BillingClass entered, int fromDay, int untilDay, boolean byTransition, int minimumDays) {

        public boolean ends() {
            return untilDay != FOREVER;
        }

        /** Days of the minimum that S3 bills although the object has left (early deletion or transition). */
        public int daysBilledEarly() {
            return ends() ? Math.max(0, minimumDays - (untilDay - fromDay)) : 0;
        }
    }

    /**
     * The classes an object of {@code objectBytes} passes through: STANDARD, then the policy's
     * tiers at their ages, until it is deleted. An object too small to transition stays in
     * STANDARD whatever the tiers say.
     */
    public static List<Stay> stays(RetentionPolicy policy, double objectBytes, OptionalInt lifetimeDays) {
        int end = lifetimeDays.orElse(FOREVER);
        List<StorageTier> tiers = transitions(objectBytes) ? policy.tiers() : List.of();
        List<Stay> stays = new ArrayList<>();
        int from = 0;
        BillingClass current = BillingClass.STANDARD;
        int minimum = 0;
        boolean byTransition = false;
        for (StorageTier tier : tiers) {
            if (tier.afterDays() >= end) {
                break;
            }
            if (tier.afterDays() > from) {
                stays.add(new Stay(current, from, tier.afterDays(), byTransition, minimum));
            }
            from = tier.afterDays();
            current = BillingClass.enteredBy(tier.storageClass());
            minimum = tier.storageClass().minimumStorageDays();
            byTransition = true;
        }
        stays.add(new Stay(current, from, end, byTransition, minimum));
        return stays;
    }

    /** Where an object is billed during one part of a stay. */
    public record Residence(BillingClass billingClass, int fromDay, int untilDay) {

        /** Of objects written every day from day 0, how many days' worth are here on day {@code day}. */
        public long writeDaysPresentOn(long day) {
            return Math.max(0, Math.min((long) untilDay - 1, day) - fromDay + 1);
        }
    }

    /**
     * The parts of a stay by billing class: Intelligent-Tiering moves an object that is not read
     * to its infrequent tier after 30 days and to archive instant after 90 (archive objects are
     * assumed unread); every other class is one part.
     */
    public static List<Residence> residences(Stay stay) {
        if (stay.entered() != BillingClass.INTELLIGENT_TIERING_FREQUENT) {
            return List.of(new Residence(stay.entered(), stay.fromDay(), stay.untilDay()));
        }
        List<Residence> parts = new ArrayList<>();
        int infrequent = stay.fromDay() + INTELLIGENT_TIERING_INFREQUENT_AFTER_DAYS;
        int archiveInstant = stay.fromDay() + INTELLIGENT_TIERING_ARCHIVE_INSTANT_AFTER_DAYS;
        parts.add(new Residence(BillingClass.INTELLIGENT_TIERING_FREQUENT, stay.fromDay(), Math.min(stay.untilDay(), infrequent)));
        if (stay.untilDay() > infrequent) {
            parts.add(new Residence(BillingClass.INTELLIGENT_TIERING_INFREQUENT, infrequent, Math.min(stay.untilDay(), archiveInstant)));
        }
        if (stay.untilDay() > archiveInstant) {
            parts.add(new Residence(BillingClass.INTELLIGENT_TIERING_ARCHIVE_INSTANT, archiveInstant, stay.untilDay()));
        }
        return parts;
    }

    /** The DynamoDB request units a restore of one item uses: a strongly consistent read, then a conditional put. */
    public static long restoreReadUnits(int itemBytes) {
        return (itemBytes + 4095L) / 4096;
    }

    public static long restoreWriteUnits(int itemBytes) {
        return (itemBytes + 1023L) / 1024;
    }
}
