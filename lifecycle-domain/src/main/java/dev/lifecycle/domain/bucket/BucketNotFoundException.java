package dev.lifecycle.domain.bucket;

/** The named bucket does not exist (or is not visible with the credentials in use). */
public class BucketNotFoundException extends RuntimeException {

    private final BucketName bucket;

    public BucketNotFoundException(BucketName bucket) {
        super("bucket '" + bucket + "' does not exist");
        this.bucket = bucket;
    }

    public BucketName bucket() {
        return bucket;
    }
}
