package dev.lifecycle.domain.bucket;

/**
 * Reads and changes an archive bucket's lifecycle rules, versioning and object lock. Every method
 * throws {@link BucketNotFoundException} when the bucket does not exist.
 */
public interface BucketConfigurationPort {

    BucketSettings describe(BucketName bucket);

    /**
     * Adds the rule, or replaces the rule with the same id; every other rule of the bucket is kept
     * exactly as S3 holds it (filters, tags, noncurrent-version actions and all).
     */
    void putLifecycleRule(BucketName bucket, LifecycleRule rule);

    /** Removes the rule with this id, keeping every other rule as it is; nothing happens when there is none. */
    void removeLifecycleRule(BucketName bucket, String ruleId);

    /** Turns versioning on. It can be suspended later, but never once object lock is enabled. */
    void enableVersioning(BucketName bucket);

    /**
     * Enables object lock on the bucket, which must have versioning enabled. Irreversible: object
     * lock can never be disabled, nor versioning suspended, afterwards.
     */
    void enableObjectLock(BucketName bucket);
}
