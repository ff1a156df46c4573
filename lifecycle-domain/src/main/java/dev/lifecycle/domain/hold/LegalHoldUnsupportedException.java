package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.bucket.BucketName;

/** The bucket has no object lock: S3 refuses legal holds on its objects. */
public class LegalHoldUnsupportedException extends RuntimeException {

    public LegalHoldUnsupportedException(BucketName bucket, String detail) {
        super("bucket '" + bucket + "' has no object lock, so its archive objects cannot carry an S3 legal hold (" + detail
                + "); enable object lock on it (apply a policy with objectLock) to hold archives");
    }
}
