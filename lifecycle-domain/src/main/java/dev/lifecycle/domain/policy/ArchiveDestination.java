package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.KeyPrefix;

/** Where a policy's archive objects go (a bucket and a key prefix in it) and how they are laid out there. */
public record ArchiveDestination(BucketName bucket, KeyPrefix prefix, ArchiveLayout layout) {

    public ArchiveDestination {
        if (bucket == null || prefix == null || layout == null) {
            throw new IllegalArgumentException("archive destination needs a bucket, a prefix and a layout");
        }
    }

    /** A destination of one object per removal. */
    public ArchiveDestination(BucketName bucket, KeyPrefix prefix) {
        this(bucket, prefix, ArchiveLayout.PER_ITEM);
    }

    /** Whether both name the same place: same bucket, same prefix, whatever their layouts. */
    public boolean samePlaceAs(ArchiveDestination other) {
        return bucket.equals(other.bucket) && prefix.equals(other.prefix);
    }
}
