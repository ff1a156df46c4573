package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.s3.S3ArchiveLegalHolds;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.hold.LegalHoldUnsupportedException;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/** S3 legal holds on archive objects, and the folder listing that finds the days holding archives, against S3Mock. */
@ExtendWith(LocalAwsExtension.class)
class S3ArchiveLegalHoldsTest {

    private final LocalAws aws;
    private final S3ArchiveLegalHolds legalHolds;

    S3ArchiveLegalHoldsTest(LocalAws aws) {
        this.aws = aws;
        this.legalHolds = new S3ArchiveLegalHolds(aws.s3());
    }

    @Test
    void anObjectInABucketWithObjectLock_getsItsLegalHoldSetAndLifted() {
        String bucket = "held-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        aws.s3().putObject(b -> b.bucket(bucket).key("archive/orders/2026/11/22/S-o-1/1.json"), RequestBody.fromString("{}"));
        ArchiveLocation location = new ArchiveLocation(BucketName.of(bucket), new ObjectKey("archive/orders/2026/11/22/S-o-1/1.json"));

        legalHolds.setLegalHold(location, true);
        legalHolds.setLegalHold(location, true);
        assertThat(status(bucket, location)).isEqualTo(ObjectLockLegalHoldStatus.ON);

        legalHolds.setLegalHold(location, false);
        assertThat(status(bucket, location)).isEqualTo(ObjectLockLegalHoldStatus.OFF);
    }

    @Test
    void aBucketWithoutObjectLock_refusesLegalHolds_withAClearException() {
        String bucket = "unlocked-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket));
        aws.s3().putObject(b -> b.bucket(bucket).key("k.json"), RequestBody.fromString("{}"));

        assertThatThrownBy(() -> legalHolds.setLegalHold(new ArchiveLocation(BucketName.of(bucket), new ObjectKey("k.json")), true))
                .isInstanceOf(LegalHoldUnsupportedException.class)
                .hasMessageContaining("has no object lock");
    }

    @Test
    void anObjectThatIsGone_hasNothingToHold() {
        String bucket = "held-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));

        legalHolds.setLegalHold(new ArchiveLocation(BucketName.of(bucket), new ObjectKey("missing.json")), true);
    }

    @Test
    void folders_areTheNextSegmentsUnderAPrefix_inKeyOrder() {
        String bucket = "folders-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket));
        for (String key : java.util.List.of("a/orders/2025/12/31/S-x/1.json", "a/orders/2026/11/22/S-x/2.json",
                "a/orders/2026/11/23/S-y/3.json", "a/orders/2026/01/01/S-z/4.json")) {
            aws.s3().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("{}"));
        }
        S3ArchiveStore store = new S3ArchiveStore(aws.s3());

        assertThat(store.listFolders(BucketName.of(bucket), "a/orders/")).containsExactly("a/orders/2025/", "a/orders/2026/");
        assertThat(store.listFolders(BucketName.of(bucket), "a/orders/2026/")).containsExactly("a/orders/2026/01/", "a/orders/2026/11/");
        assertThat(store.listFolders(BucketName.of(bucket), "a/orders/2026/11/"))
                .containsExactly("a/orders/2026/11/22/", "a/orders/2026/11/23/");
    }

    private ObjectLockLegalHoldStatus status(String bucket, ArchiveLocation location) {
        return aws.s3().getObjectLegalHold(b -> b.bucket(bucket).key(location.key().value())).legalHold().status();
    }
}
