package dev.lifecycle.domain.bucket;

import java.util.List;
import java.util.Optional;

/**
 * One S3 lifecycle rule for a key prefix: transitions by age and an optional expiration. The
 * platform names its rules {@code lifecycle-<policy id>} and leaves every other rule alone.
 */
public record LifecycleRule(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays) {

    public LifecycleRule {
        if (id == null || id.isEmpty() || id.length() > 255) {
            throw new IllegalArgumentException("lifecycle rule id must be 1 to 255 characters");
        }
        if (prefix == null) {
            throw new IllegalArgumentException("lifecycle rule prefix must not be null (use \"\")");
        }
        transitions = List.copyOf(transitions);
        if (expirationDays == null) {
            throw new IllegalArgumentException("expirationDays must be Optional.empty(), not null");
        }
    }

    /** A transition of objects to a storage class once they are {@code days} old. */
    public record Transition(StorageClass storageClass, int days) {
        public Transition {
            if (storageClass == null || days < 0) {
                throw new IllegalArgumentException("a transition needs a storage class and non-negative days");
            }
        }
    }
}
