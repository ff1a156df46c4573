package dev.lifecycle.adapters.aws.s3;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.hold.ArchiveLegalHoldPort;
import dev.lifecycle.domain.hold.LegalHoldUnsupportedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3 legal holds on archive objects ({@code PutObjectLegalHold}). A bucket without object lock
 * refuses them (400 InvalidRequest): that becomes {@link LegalHoldUnsupportedException}. An object
 * that no longer exists has nothing to hold.
 */
public final class S3ArchiveLegalHolds implements ArchiveLegalHoldPort {

    private static final String SERVICE = "S3";

    private final S3Client s3;

    public S3ArchiveLegalHolds(S3Client s3) {
        this.s3 = s3;
    }

    @Override
    public void setLegalHold(ArchiveLocation location, boolean on) {
        try {
            s3.putObjectLegalHold(b -> b.bucket(location.bucket().value()).key(location.key().value())
                    .legalHold(h -> h.status(on ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF)));
        } catch (NoSuchKeyException gone) {
            // Deleted meanwhile: there is nothing left to hold or release.
        } catch (S3Exception e) {
            if (e.statusCode() == 400 && e.awsErrorDetails() != null && "InvalidRequest".equals(e.awsErrorDetails().errorCode())) {
                throw new LegalHoldUnsupportedException(location.bucket(), e.awsErrorDetails().errorMessage());
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }
}
