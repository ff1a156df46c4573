package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import java.time.Instant;
import java.util.List;

/** Policies and drafts for tests: a valid baseline and small variations of it. */
public final class TestPolicies {

    public static final String TABLE = "orders";
    public static final String BUCKET = "acme-archive";

    private TestPolicies() {
    }

    /** Table {@code orders} (pk + sk), TTL {@code expiresAt}, 30 days, archives TTL, EXPIRED and USER. */
    /** The audit record a test's own setup writes with a policy it stores directly. */
    public static AuditRecord setUpAudit(RetentionPolicy policy) {
        return new AuditRecord(PolicyService.subject(policy.id()), AuditAction.POLICY_DECLARED, "test-setup",
                Instant.parse("2026-11-22T00:00:00Z"), "stored by the test's setup", List.of());
    }

    public static PolicyDraft draft() {
        return new PolicyDraft(TABLE, "pk", "sk", "expiresAt", "P30D", null, List.of("TTL", "EXPIRED", "USER"),
                BUCKET, "archive", List.of(new PolicyDraft.TierDraft("STANDARD_IA", 30),
                        new PolicyDraft.TierDraft("GLACIER", 90)), 365, null, null, false);
    }

    public static RetentionPolicy policy() {
        return draft().toPolicy(PolicyId.of("orders-retention"), PolicyVersion.initial());
    }

    public static RetentionPolicy policy(PolicyDraft draft) {
        return draft.toPolicy(PolicyId.of("orders-retention"), PolicyVersion.initial());
    }

    /** The baseline with a simple partition key {@code pk} only. */
    public static PolicyDraft simpleKeyDraft() {
        return withSortKey(draft(), null);
    }

    public static PolicyDraft withSortKey(PolicyDraft d, String sortKey) {
        return new PolicyDraft(d.table(), d.partitionKey(), sortKey, d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft withCauses(PolicyDraft d, String... causes) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                List.of(causes), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft withRetention(PolicyDraft d, String retention) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), retention, d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft withTiers(PolicyDraft d, List<PolicyDraft.TierDraft> tiers, Integer archiveExpiryDays) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), tiers, archiveExpiryDays, d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft withLock(PolicyDraft d, PolicyDraft.LockDraft lock) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), lock,
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft withKeyFilter(PolicyDraft d, String prefix) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                prefix, d.locked());
    }

    public static PolicyDraft withDestination(PolicyDraft d, String bucket, String prefix) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), bucket, prefix, d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    /** The draft with batched archives. */
    public static PolicyDraft batched(PolicyDraft d) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked(), "BATCHED");
    }

    public static PolicyDraft withTable(PolicyDraft d, String table) {
        return new PolicyDraft(table, d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked());
    }

    public static PolicyDraft locked(PolicyDraft d, boolean locked) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), locked);
    }

    /** The draft with the stream's batching overridden (either may be null: the platform's default). */
    public static PolicyDraft withStreamBatching(PolicyDraft d, Integer batchSize, Integer windowSeconds) {
        return new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), d.clockStart(),
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), d.objectLock(),
                d.keyFilterPrefix(), d.locked(), d.archiveLayout(), batchSize, windowSeconds);
    }
}
