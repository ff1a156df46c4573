package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.policy.PolicyId;
import java.util.Optional;

/** Audit one policy's table now; {@code maxItems} lowers the configured item bound for this run (never raises it). */
public record AuditTtlHygieneCommand(PolicyId policy, Optional<Long> maxItems) {

    public AuditTtlHygieneCommand {
        if (policy == null || maxItems == null) {
            throw new IllegalArgumentException("an audit command needs a policy and maxItems (use Optional.empty())");
        }
        maxItems.filter(max -> max < 1).ifPresent(max -> {
            throw new IllegalArgumentException("maxItems must be at least 1, was " + max);
        });
    }

    public static AuditTtlHygieneCommand of(PolicyId policy) {
        return new AuditTtlHygieneCommand(policy, Optional.empty());
    }
}
