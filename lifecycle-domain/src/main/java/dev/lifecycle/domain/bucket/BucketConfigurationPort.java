package dev.lifecycle.domain.bucket;

import java.util.List;

/** Reads and changes an archive bucket's lifecycle rules and object-lock settings. */
public interface BucketConfigurationPort {

    /** @throws BucketNotFoundException when the bucket does not exist */
    BucketSettings describe(BucketName bucket);

    /** Replaces the bucket's lifecycle configuration with exactly these rules. */
    void putLifecycleRules(BucketName bucket, List<LifecycleRule> rules);

    /** Sets the bucket's default object-lock retention; the bucket must have object lock enabled. */
    void putDefaultRetention(BucketName bucket, BucketSettings.DefaultRetention retention);
}
