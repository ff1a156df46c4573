package dev.lifecycle.domain.bucket;

import java.util.List;
import java.util.Optional;

/**
 * What S3 reports about an archive bucket that matters to retention: its lifecycle rules (every
 * rule, the platform's and others'), whether object lock is enabled, and whether versioning is.
 */
public record BucketSettings(BucketName bucket, List<LifecycleRule> lifecycleRules, boolean objectLockEnabled,
                             boolean versioningEnabled) {

    public BucketSettings {
        if (bucket == null || lifecycleRules == null) {
            throw new IllegalArgumentException("bucket settings need a bucket and its lifecycle rules (maybe none)");
        }
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    public Optional<LifecycleRule> rule(String id) {
        return lifecycleRules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }
}
