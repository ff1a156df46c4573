package dev.lifecycle.http.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.RetentionPolicy;
import java.util.List;

/** A stored policy as the API shows it: the fields a client declares, plus its id and version. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(
        String id,
        long version,
        String table,
        String partitionKey,
        String sortKey,
        String ttlAttribute,
        String retention,
        String clockStart,
        List<String> archivedCauses,
        String bucket,
        String prefix,
        List<PolicyBody.TierBody> tiers,
        Integer archiveExpiryDays,
        PolicyBody.LockBody objectLock,
        String keyFilterPrefix,
        boolean locked,
        String archiveLayout,
        Integer streamBatchSize,
        Integer streamBatchingWindowSeconds) {

    static PolicyView of(RetentionPolicy policy) {
        PolicyDraft d = PolicyDraft.of(policy);
        return new PolicyView(policy.id().value(), policy.version().value(), d.table(), d.partitionKey(), d.sortKey(),
                d.ttlAttribute(), d.retention(), d.clockStart(), d.archivedCauses(), d.bucket(), d.prefix(),
                d.tiers().stream().map(t -> new PolicyBody.TierBody(t.storageClass(), t.afterDays())).toList(),
                d.archiveExpiryDays(), d.objectLock() == null ? null : new PolicyBody.LockBody(d.objectLock().mode(), d.objectLock().days()),
                d.keyFilterPrefix(), d.locked(), d.archiveLayout(), d.streamBatchSize(), d.streamBatchingWindowSeconds());
    }
}
