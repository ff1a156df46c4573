package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/** Finds policies: by id, by the table they govern (one policy per table), or page by page. */
public interface LoadPolicyPort {

    Optional<RetentionPolicy> findById(PolicyId id);

    Optional<RetentionPolicy> findByTable(TableName table);

    /** Policies in id order, starting after {@code after} (exclusive) when given. */
    PolicyPage list(Optional<PolicyId> after, int limit);

    /** One page of policies; {@code next} is the id to continue after, if more exist. */
    record PolicyPage(List<RetentionPolicy> policies, Optional<PolicyId> next) {
        public PolicyPage {
            policies = List.copyOf(policies);
        }
    }
}
