package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.StorageClass;
import dev.lifecycle.domain.expiry.RetentionPeriod;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The validity rules of a retention policy, each naming the field it concerns. */
public final class PolicyRules {

    public static final int MAX_TIERS = 5;
    public static final int MAX_ARCHIVE_EXPIRY_DAYS = 36_500;

    private PolicyRules() {
    }

    static List<Violation> violations(PolicyId id, PolicyVersion version, TableName table, KeySchema keySchema,
                                      AttributeName ttlAttribute, RetentionPeriod retention, ClockStart clockStart,
                                      Set<DeletionCause> archivedCauses, ArchiveDestination destination,
                                      List<StorageTier> tiers, Optional<Integer> archiveExpiryDays,
                                      Optional<ObjectLock> objectLock, Optional<KeyFilter> keyFilter) {
        List<Violation> violations = new ArrayList<>();
        required(violations, "id", id);
        required(violations, "version", version);
        required(violations, "table", table);
        required(violations, "keySchema", keySchema);
        required(violations, "ttlAttribute", ttlAttribute);
        required(violations, "retention", retention);
        required(violations, "clockStart", clockStart);
        required(violations, "destination", destination);
        required(violations, "archiveExpiryDays", archiveExpiryDays);
        required(violations, "objectLock", objectLock);
        required(violations, "keyFilter", keyFilter);
        if (archivedCauses == null || archivedCauses.isEmpty()) {
            violations.add(new Violation("archivedCauses", "name at least one of TTL, EXPIRED, USER"));
        }
        if (ttlAttribute != null && keySchema != null && isKeyAttribute(keySchema, ttlAttribute.value())) {
            violations.add(new Violation("ttlAttribute", "'" + ttlAttribute + "' is a key attribute; TTL needs an attribute of its own"));
        }
        if (tiers == null) {
            violations.add(new Violation("tiers", "must not be null (use an empty list)"));
        } else {
            violations.addAll(tierViolations(tiers));
            if (archiveExpiryDays != null) {
                archiveExpiryDays.ifPresent(days -> violations.addAll(expiryViolations(days, tiers)));
            }
        }
        return violations;
    }

    /** Tiers move down S3's transition waterfall, in increasing age, respecting S3's minimum days. */
    static List<Violation> tierViolations(List<StorageTier> tiers) {
        List<Violation> violations = new ArrayList<>();
        if (tiers.size() > MAX_TIERS) {
            violations.add(new Violation("tiers", "at most " + MAX_TIERS + " tiers, had " + tiers.size()));
        }
        for (int i = 1; i < tiers.size(); i++) {
            StorageTier previous = tiers.get(i - 1);
            StorageTier tier = tiers.get(i);
            String field = "tiers[" + i + "]";
            if (!previous.storageClass().supportedNextClasses().contains(tier.storageClass())) {
                violations.add(new Violation(field + ".storageClass", "S3 cannot transition objects from "
                        + previous.storageClass() + " to " + tier.storageClass()
                        + " (allowed next: " + previous.storageClass().supportedNextClasses() + ")"));
            }
            int earliest = previous.afterDays() + Math.max(1, previous.storageClass().minimumDaysBeforeNextTransition());
            if (tier.afterDays() < earliest) {
                violations.add(new Violation(field + ".afterDays", "must be at least " + earliest
                        + " (tiers in increasing age" + (previous.storageClass().minimumDaysBeforeNextTransition() > 0
                        ? "; objects stay 30 days in " + previous.storageClass() + " before moving on" : "")
                        + "), was " + tier.afterDays()));
            }
        }
        return violations;
    }

    static List<Violation> expiryViolations(int days, List<StorageTier> tiers) {
        List<Violation> violations = new ArrayList<>();
        if (days < 1 || days > MAX_ARCHIVE_EXPIRY_DAYS) {
            violations.add(new Violation("archiveExpiryDays", "must be 1 to " + MAX_ARCHIVE_EXPIRY_DAYS + ", was " + days));
        }
        if (!tiers.isEmpty()) {
            StorageTier last = tiers.get(tiers.size() - 1);
            if (days <= last.afterDays()) {
                violations.add(new Violation("archiveExpiryDays", "must come after the last tier (" + last.storageClass()
                        + " at " + last.afterDays() + " days), was " + days));
            }
        }
        return violations;
    }

    /**
     * Advice that is not an error: S3 bills early deletion when objects expire before the minimum
     * storage duration of the class they are in.
     */
    public static List<String> advice(RetentionPolicy policy) {
        List<String> advice = new ArrayList<>();
        if (!policy.tiers().isEmpty() && policy.archiveExpiryDays().isPresent()) {
            StorageTier last = policy.tiers().get(policy.tiers().size() - 1);
            StorageClass storageClass = last.storageClass();
            int daysInClass = policy.archiveExpiryDays().get() - last.afterDays();
            if (daysInClass < storageClass.minimumStorageDays()) {
                advice.add("objects spend " + daysInClass + " days in " + storageClass + " before they expire; S3 bills at least "
                        + storageClass.minimumStorageDays() + " days there");
            }
        }
        policy.objectLock().ifPresent(lock -> policy.archiveExpiryDays()
                .filter(days -> days < lock.days())
                .ifPresent(days -> advice.add("the object lock (" + lock.days() + " days) outlasts the archive expiry ("
                        + days + " days): objects are kept until the lock ends (retention beats deletion)")));
        return advice;
    }

    private static boolean isKeyAttribute(KeySchema keySchema, String name) {
        return keySchema.partitionKeyName().equals(name) || keySchema.sortKeyName().map(name::equals).orElse(false);
    }

    private static void required(List<Violation> violations, String field, Object value) {
        if (value == null) {
            violations.add(new Violation(field, "is required"));
        }
    }
}
