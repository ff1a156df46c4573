package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.KeyPrefix;

/** Where a policy's archive objects go: a bucket and a key prefix in it. */
public record ArchiveDestination(BucketName bucket, KeyPrefix prefix) {

    public ArchiveDestination {
        if (bucket == null || prefix == null) {
            throw new IllegalArgumentException("archive destination needs a bucket and a prefix");
        }
    }
}
