package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.KeyPrefix;
import dev.lifecycle.domain.bucket.ObjectLockMode;
import dev.lifecycle.domain.bucket.StorageClass;
import dev.lifecycle.domain.expiry.RetentionPeriod;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A policy as a client states it: raw values, any of them possibly missing or wrong. Validation
 * reports every problem at once, each with its field, so that an API can answer them all.
 */
public record PolicyDraft(
        String table,
        String partitionKey,
        String sortKey,
        String ttlAttribute,
        String retention,
        String clockStart,
        List<String> archivedCauses,
        String bucket,
        String prefix,
        List<TierDraft> tiers,
        Integer archiveExpiryDays,
        LockDraft objectLock,
        String keyFilterPrefix,
        Boolean locked,
        String archiveLayout,
        Integer streamBatchSize,
        Integer streamBatchingWindowSeconds) {

    public static final ClockStart DEFAULT_CLOCK_START = ClockStart.CREATION;
    public static final ArchiveLayout DEFAULT_ARCHIVE_LAYOUT = ArchiveLayout.PER_ITEM;

    /** A draft that leaves the archive layout to its default. */
    public PolicyDraft(String table, String partitionKey, String sortKey, String ttlAttribute, String retention,
                       String clockStart, List<String> archivedCauses, String bucket, String prefix, List<TierDraft> tiers,
                       Integer archiveExpiryDays, LockDraft objectLock, String keyFilterPrefix, Boolean locked) {
        this(table, partitionKey, sortKey, ttlAttribute, retention, clockStart, archivedCauses, bucket, prefix, tiers,
                archiveExpiryDays, objectLock, keyFilterPrefix, locked, null, null, null);
    }

    /** A draft that leaves the stream's batching to the platform's defaults. */
    public PolicyDraft(String table, String partitionKey, String sortKey, String ttlAttribute, String retention,
                       String clockStart, List<String> archivedCauses, String bucket, String prefix, List<TierDraft> tiers,
                       Integer archiveExpiryDays, LockDraft objectLock, String keyFilterPrefix, Boolean locked, String archiveLayout) {
        this(table, partitionKey, sortKey, ttlAttribute, retention, clockStart, archivedCauses, bucket, prefix, tiers,
                archiveExpiryDays, objectLock, keyFilterPrefix, locked, archiveLayout, null, null);
    }

    /** A storage tier as stated. */
    public record TierDraft(String storageClass, Integer afterDays) {
    }

    /** An object-lock setting as stated. */
    public record LockDraft(String mode, Integer days) {
    }

    /** The draft that states {@code policy} exactly: validating it gives the same policy back. */
    public static PolicyDraft of(RetentionPolicy policy) {
        return new PolicyDraft(
                policy.table().value(),
                policy.keySchema().partitionKeyName(),
                policy.keySchema().sortKeyName().orElse(null),
                policy.ttlAttribute().value(),
                policy.retention().toString(),
                policy.clockStart().name(),
                policy.archivedCauses().stream().map(Enum::name).toList(),
                policy.destination().bucket().value(),
                policy.destination().prefix().value(),
                policy.tiers().stream().map(t -> new TierDraft(t.storageClass().name(), t.afterDays())).toList(),
                policy.archiveExpiryDays().orElse(null),
                policy.objectLock().map(l -> new LockDraft(l.mode().name(), l.days())).orElse(null),
                policy.keyFilter().map(KeyFilter::partitionKeyPrefix).orElse(null),
                policy.locked(),
                policy.destination().layout().name(),
                policy.streamBatching().batchSize().orElse(null),
                policy.streamBatching().windowSeconds().orElse(null));
    }

    /** The outcome of validating a draft. */
    public sealed interface Validation {
        record Valid(RetentionPolicy policy) implements Validation {
        }

        record Invalid(List<Violation> violations) implements Validation {
            public Invalid {
                violations = List.copyOf(violations);
            }
        }
    }

    /** Validates the draft as the given version of the given policy. */
    public Validation validate(PolicyId id, PolicyVersion version) {
        List<Violation> violations = new ArrayList<>();
        TableName tableName = parse(violations, "table", () -> new TableName(required(table)));
        KeySchema keySchema = parse(violations, "partitionKey", () -> new KeySchema(new AttributeName(required(partitionKey)).value(),
                Optional.ofNullable(sortKey).map(name -> new AttributeName(name).value())));
        AttributeName ttl = parse(violations, "ttlAttribute", () -> new AttributeName(required(ttlAttribute)));
        RetentionPeriod retentionPeriod = parse(violations, "retention", () -> RetentionPeriod.parse(required(retention)));
        ClockStart start = parse(violations, "clockStart",
                () -> clockStart == null ? DEFAULT_CLOCK_START : enumValue(ClockStart.class, clockStart));
        Set<DeletionCause> causes = parse(violations, "archivedCauses", this::causes);
        BucketName bucketName = parse(violations, "bucket", () -> new BucketName(required(bucket)));
        KeyPrefix keyPrefix = parse(violations, "prefix", () -> new KeyPrefix(prefix == null ? "" : prefix));
        ArchiveLayout layout = parse(violations, "archiveLayout",
                () -> archiveLayout == null ? DEFAULT_ARCHIVE_LAYOUT : enumValue(ArchiveLayout.class, archiveLayout));
        List<StorageTier> storageTiers = tiers(violations);
        Optional<Integer> batchSize = parse(violations, "streamBatchSize",
                () -> StreamBatching.of(streamBatchSize, null).batchSize());
        Optional<Integer> window = parse(violations, "streamBatchingWindowSeconds",
                () -> StreamBatching.of(null, streamBatchingWindowSeconds).windowSeconds());
        ObjectLock lock = objectLock == null ? null : parse(violations, "objectLock", () -> new ObjectLock(
                enumValue(ObjectLockMode.class, required(objectLock.mode(), "objectLock.mode")),
                required(objectLock.days(), "objectLock.days")));
        KeyFilter filter = keyFilterPrefix == null ? null : parse(violations, "keyFilterPrefix", () -> new KeyFilter(keyFilterPrefix));
        if (storageTiers != null) {
            violations.addAll(PolicyRules.tierViolations(storageTiers));
            if (archiveExpiryDays != null) {
                violations.addAll(PolicyRules.expiryViolations(archiveExpiryDays, storageTiers));
            }
        }
        if (!violations.isEmpty()) {
            return new Validation.Invalid(violations);
        }
        try {
            return new Validation.Valid(new RetentionPolicy(id, version, tableName, keySchema, ttl, retentionPeriod, start,
                    causes, new ArchiveDestination(bucketName, keyPrefix, layout), storageTiers,
                    Optional.ofNullable(archiveExpiryDays), Optional.ofNullable(lock), Optional.ofNullable(filter),
                    Boolean.TRUE.equals(locked), new StreamBatching(batchSize, window)));
        } catch (InvalidPolicyException e) {
            return new Validation.Invalid(e.violations());
        }
    }

    /** Validates, or throws {@link InvalidPolicyException} with every violation. */
    public RetentionPolicy toPolicy(PolicyId id, PolicyVersion version) {
        Validation validation = validate(id, version);
        if (validation instanceof Validation.Invalid invalid) {
            throw new InvalidPolicyException(invalid.violations());
        }
        return ((Validation.Valid) validation).policy();
    }

    private Set<DeletionCause> causes() {
        if (archivedCauses == null || archivedCauses.isEmpty()) {
            throw new IllegalArgumentException("name at least one of TTL, EXPIRED, USER");
        }
        Set<DeletionCause> causes = EnumSet.noneOf(DeletionCause.class);
        for (String cause : archivedCauses) {
            causes.add(enumValue(DeletionCause.class, cause));
        }
        return causes;
    }

    private List<StorageTier> tiers(List<Violation> violations) {
        if (tiers == null) {
            return List.of();
        }
        List<StorageTier> parsed = new ArrayList<>();
        boolean allParsed = true;
        for (int i = 0; i < tiers.size(); i++) {
            TierDraft tier = tiers.get(i);
            String field = "tiers[" + i + "]";
            if (tier == null) {
                violations.add(new Violation(field, "must not be null"));
                allParsed = false;
                continue;
            }
            StorageClass storageClass = parse(violations, field + ".storageClass",
                    () -> enumValue(StorageClass.class, required(tier.storageClass())));
            Integer days = parse(violations, field + ".afterDays", () -> required(tier.afterDays(), "afterDays"));
            StorageTier storageTier = storageClass == null || days == null ? null
                    : parse(violations, field + ".afterDays", () -> new StorageTier(storageClass, days));
            allParsed &= storageTier != null;
            parsed.add(storageTier);
        }
        return allParsed ? parsed : null;
    }

    private static <T> T parse(List<Violation> violations, String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    private static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("is required");
        }
        return value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
    }
}
