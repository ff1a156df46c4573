package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.BucketName;

/** Where one archive object lives: bucket and key. */
public record ArchiveLocation(BucketName bucket, ObjectKey key) {

    public ArchiveLocation {
        if (bucket == null || key == null) {
            throw new IllegalArgumentException("an archive location needs a bucket and a key");
        }
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
