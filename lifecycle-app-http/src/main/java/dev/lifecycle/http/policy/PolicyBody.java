package dev.lifecycle.http.policy;

import dev.lifecycle.domain.policy.PolicyDraft;
import java.util.List;

/**
 * A policy as a client sends it: {@code POST /api/v1/policies} (with {@code id}) and
 * {@code PUT /api/v1/policies/{id}} (without, or with the same). Every field is checked by the domain.
 */
public record PolicyBody(
        String id,
        String table,
        String partitionKey,
        String sortKey,
        String ttlAttribute,
        String retention,
        String clockStart,
        List<String> archivedCauses,
        String bucket,
        String prefix,
        List<TierBody> tiers,
        Integer archiveExpiryDays,
        LockBody objectLock,
        String keyFilterPrefix,
        Boolean locked,
        String archiveLayout,
        Integer streamBatchSize,
        Integer streamBatchingWindowSeconds) {

    /** A storage tier: objects move to {@code storageClass} {@code afterDays} days after they are written. */
    public record TierBody(String storageClass, Integer afterDays) {
    }

    /** S3 Object Lock retention for each archive object. */
    public record LockBody(String mode, Integer days) {
    }

    PolicyDraft toDraft() {
        return new PolicyDraft(table, partitionKey, sortKey, ttlAttribute, retention, clockStart, archivedCauses, bucket, prefix,
                tiers == null ? null : tiers.stream().map(t -> t == null ? null : new PolicyDraft.TierDraft(t.storageClass(), t.afterDays())).toList(),
                archiveExpiryDays,
                objectLock == null ? null : new PolicyDraft.LockDraft(objectLock.mode(), objectLock.days()),
                keyFilterPrefix, locked, archiveLayout, streamBatchSize, streamBatchingWindowSeconds);
    }
}
