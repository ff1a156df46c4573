package dev.lifecycle.domain.bucket;

import java.util.List;
import java.util.Optional;

/** What S3 reports about an archive bucket: its lifecycle rules and its object-lock configuration. */
public record BucketSettings(BucketName bucket, List<LifecycleRule> lifecycleRules, boolean objectLockEnabled,
                             Optional<DefaultRetention> defaultRetention, boolean versioningEnabled) {

    public BucketSettings {
        if (bucket == null || lifecycleRules == null || defaultRetention == null) {
            throw new IllegalArgumentException("bucket settings need bucket, lifecycle rules and default retention");
        }
        lifecycleRules = List.copyOf(lifecycleRules);
    }

    public Optional<LifecycleRule> rule(String id) {
        return lifecycleRules.stream().filter(rule -> rule.id().equals(id)).findFirst();
    }

    /** An object-lock default retention of a bucket. */
    public record DefaultRetention(ObjectLockMode mode, int days) {
    }
}
