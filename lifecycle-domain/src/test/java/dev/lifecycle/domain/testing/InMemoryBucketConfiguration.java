package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.bucket.BucketConfigurationPort;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.failure.DependencyFailureException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Buckets in memory, with other parties' lifecycle rules ({@link #addForeignRule}) that the port must
 * keep, S3's rule that object lock needs versioning, and optionally the refusal to enable object lock
 * on an existing bucket. Every change is logged in {@link #changes()}.
 */
public final class InMemoryBucketConfiguration implements BucketConfigurationPort {

    private final Map<BucketName, BucketSettings> buckets = new HashMap<>();
    private final Map<BucketName, RuntimeException> failures = new HashMap<>();
    private final List<String> changes = new ArrayList<>();
    private String objectLockRefusal;

    /** A bucket without lifecycle rules, versioning or object lock. */
    public synchronized InMemoryBucketConfiguration createBucket(BucketName bucket) {
        buckets.put(bucket, new BucketSettings(bucket, List.of(), false, false));
        return this;
    }

    /** A bucket created with object lock (and so with versioning). */
    public synchronized InMemoryBucketConfiguration createLockedBucket(BucketName bucket) {
        buckets.put(bucket, new BucketSettings(bucket, List.of(), true, true));
        return this;
    }

    /** Adds or replaces a rule behind the platform's back (not logged). */
    public synchronized void addForeignRule(BucketName bucket, LifecycleRule rule) {
        write(bucket, withRule(settings(bucket), rule));
    }

    /** From now on, enabling object lock fails with S3's message, as on an emulator that cannot do it. */
    public synchronized void refuseObjectLockWith(String message) {
        objectLockRefusal = message;
    }

    /** Every call on this bucket fails with the exception until {@link #recover(BucketName)}. */
    public synchronized void failWith(BucketName bucket, RuntimeException failure) {
        failures.put(bucket, failure);
    }

    public synchronized void recover(BucketName bucket) {
        failures.remove(bucket);
    }

    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized BucketSettings describe(BucketName bucket) {
        return settings(bucket);
    }

    @Override
    public synchronized void putLifecycleRule(BucketName bucket, LifecycleRule rule) {
        BucketSettings settings = settings(bucket);
        changes.add("putLifecycleRule " + bucket + " " + rule.id());
        write(bucket, withRule(settings, rule));
    }

    @Override
    public synchronized void removeLifecycleRule(BucketName bucket, String ruleId) {
        BucketSettings settings = settings(bucket);
        changes.add("removeLifecycleRule " + bucket + " " + ruleId);
        List<LifecycleRule> rules = settings.lifecycleRules().stream().filter(rule -> !rule.id().equals(ruleId)).toList();
        write(bucket, new BucketSettings(bucket, rules, settings.objectLockEnabled(), settings.versioningEnabled()));
    }

    @Override
    public synchronized void enableVersioning(BucketName bucket) {
        BucketSettings settings = settings(bucket);
        changes.add("enableVersioning " + bucket);
        write(bucket, new BucketSettings(bucket, settings.lifecycleRules(), settings.objectLockEnabled(), true));
    }

    @Override
    public synchronized void enableObjectLock(BucketName bucket) {
        BucketSettings settings = settings(bucket);
        if (objectLockRefusal != null) {
            throw new DependencyFailureException("S3", false, objectLockRefusal, null);
        }
        if (!settings.versioningEnabled()) {
            throw new DependencyFailureException("S3", false, "InvalidBucketState (HTTP 409): Versioning must be 'Enabled' on the bucket"
                    + " to apply a Object Lock configuration", null);
        }
        changes.add("enableObjectLock " + bucket);
        write(bucket, new BucketSettings(bucket, settings.lifecycleRules(), true, true));
    }

    private BucketSettings settings(BucketName bucket) {
        RuntimeException failure = failures.get(bucket);
        if (failure != null) {
            throw failure;
        }
        BucketSettings settings = buckets.get(bucket);
        if (settings == null) {
            throw new BucketNotFoundException(bucket);
        }
        return settings;
    }

    private void write(BucketName bucket, BucketSettings settings) {
        buckets.put(bucket, settings);
    }

    private static BucketSettings withRule(BucketSettings settings, LifecycleRule rule) {
        List<LifecycleRule> rules = new ArrayList<>(settings.lifecycleRules());
        int index = -1;
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).id().equals(rule.id())) {
                index = i;
            }
        }
        if (index >= 0) {
            rules.set(index, rule);
        } else {
            rules.add(rule);
        }
        return new BucketSettings(settings.bucket(), rules, settings.objectLockEnabled(), settings.versioningEnabled());
    }
}
