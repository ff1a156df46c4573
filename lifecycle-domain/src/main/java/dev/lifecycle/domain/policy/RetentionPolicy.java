package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.expiry.RetentionPeriod;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A retention policy for one table: how long its items live, which deletions are archived where,
 * how archive objects age through storage tiers, and how they are protected. A policy that exists
 * is valid: construction checks every rule in {@link PolicyRules}.
 */
public record RetentionPolicy(
        PolicyId id,
        PolicyVersion version,
        TableName table,
        KeySchema keySchema,
        AttributeName ttlAttribute,
        RetentionPeriod retention,
        ClockStart clockStart,
        Set<DeletionCause> archivedCauses,
        ArchiveDestination destination,
        List<StorageTier> tiers,
        Optional<Integer> archiveExpiryDays,
        Optional<ObjectLock> objectLock,
        Optional<KeyFilter> keyFilter,
        boolean locked,
        StreamBatching streamBatching) {

    public RetentionPolicy {
        archivedCauses = archivedCauses == null ? null
                : Collections.unmodifiableSet(archivedCauses.isEmpty() ? EnumSet.noneOf(DeletionCause.class) : EnumSet.copyOf(archivedCauses));
        tiers = tiers == null ? null : List.copyOf(tiers);
        List<Violation> violations = PolicyRules.violations(id, version, table, keySchema, ttlAttribute, retention,
                clockStart, archivedCauses, destination, tiers, archiveExpiryDays, objectLock, keyFilter);
        if (streamBatching == null) {
            violations.add(new Violation("streamBatching", "is required (StreamBatching.DEFAULTS for the platform's)"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidPolicyException(violations);
        }
    }

    /** A policy that leaves the stream's batching to the platform's defaults. */
    public RetentionPolicy(PolicyId id, PolicyVersion version, TableName table, KeySchema keySchema, AttributeName ttlAttribute,
                           RetentionPeriod retention, ClockStart clockStart, Set<DeletionCause> archivedCauses,
                           ArchiveDestination destination, List<StorageTier> tiers, Optional<Integer> archiveExpiryDays,
                           Optional<ObjectLock> objectLock, Optional<KeyFilter> keyFilter, boolean locked) {
        this(id, version, table, keySchema, ttlAttribute, retention, clockStart, archivedCauses, destination, tiers,
                archiveExpiryDays, objectLock, keyFilter, locked, StreamBatching.DEFAULTS);
    }

    public boolean archives(DeletionCause cause) {
        return archivedCauses.contains(cause);
    }

    /** The same policy at the next version. */
    public RetentionPolicy withVersion(PolicyVersion newVersion) {
        return new RetentionPolicy(id, newVersion, table, keySchema, ttlAttribute, retention, clockStart, archivedCauses,
                destination, tiers, archiveExpiryDays, objectLock, keyFilter, locked, streamBatching);
    }

    /** The S3 lifecycle rule id the platform owns for this policy. */
    public String lifecycleRuleId() {
        return "lifecycle-" + id.value();
    }
}
