package dev.lifecycle.it.adapters;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.archive.ArchiveChecksumMismatchException;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchivalRules;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.archive.StoreOutcome;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The S3 archive store against S3Mock: checksums, metadata, idempotent retries, no overwrite. */
@ExtendWith(LocalAwsExtension.class)
class S3ArchiveStoreTest {

    private final LocalAws aws;
    private final S3ArchiveStore store;
    private String bucket;

    S3ArchiveStoreTest(LocalAws aws) {
        this.aws = aws;
        this.store = new S3ArchiveStore(aws.s3());
    }

    @BeforeEach
    void createBucket() {
        bucket = "store-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket));
    }

    @Test
    void anEntry_isStoredWithItsMetadataChecksumAndContentType_andReadsBackEqual() {
        ArchivalDecision.Archive archive = archive("100", policy());

        assertThat(store.store(archive)).isInstanceOf(StoreOutcome.Stored.class);

        HeadObjectResponse head = aws.s3().headObject(b -> b.bucket(bucket).key(archive.location().key().value())
                .checksumMode(software.amazon.awssdk.services.s3.model.ChecksumMode.ENABLED));
        assertThat(head.contentType()).isEqualTo("application/json");
        assertThat(head.metadata()).containsEntry("lifecycle-cause", "TTL")
                .containsEntry("lifecycle-content-sha256", archive.entry().contentSha256());
        assertThat(head.checksumSHA256()).isNotBlank();
        assertThat(store.read(archive.location())).contains(archive.entry());
        assertThat(aws.s3().getObjectTagging(b -> b.bucket(bucket).key(archive.location().key().value())).tagSet())
                .as("no object tags: S3 bills each tag each month, which at one object per removal outgrows the PUTs")
                .isEmpty();
    }

    @Test
    void storingTheSameRecordAgain_isAlreadyStored_evenUnderANewerPolicyVersion() {
        store.store(archive("101", policy()));

        StoreOutcome again = store.store(archive("101", policy().withVersion(PolicyVersion.of(2))));

        assertThat(again).isInstanceOf(StoreOutcome.AlreadyStored.class);
    }

    @Test
    void differentContentUnderTheSameKey_isAPermanentFailure_andTheFirstObjectStays() {
        ArchivalDecision.Archive first = archive("102", policy());
        store.store(first);
        ArchivalDecision.Archive other = ArchivalRules.decide(ttlRemove(order("customer#1", "order#1", EVENT_TIME.getEpochSecond() - 60)
                .with("total", AttributeValue.n("1")), "102"), policy()) instanceof ArchivalDecision.Archive a ? a : null;

        StoreOutcome outcome = store.store(other);

        assertThat(outcome).isInstanceOfSatisfying(StoreOutcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("different content").contains("not overwritten");
        });
        assertThat(store.read(first.location())).contains(first.entry());
    }

    @Test
    void aTamperedObject_failsItsChecksumWhenRead() {
        ArchivalDecision.Archive archive = archive("103", policy());
        store.store(archive);
        String body = aws.s3().getObjectAsBytes(b -> b.bucket(bucket).key(archive.location().key().value())).asUtf8String();
        aws.s3().putObject(b -> b.bucket(bucket).key(archive.location().key().value()),
                RequestBody.fromString(body.replace("129.90", "129.91"), StandardCharsets.UTF_8));

        assertThatThrownBy(() -> store.read(archive.location())).isInstanceOf(ArchiveChecksumMismatchException.class)
                .hasMessageContaining(archive.location().key().value());
    }

    @Test
    void aMissingObject_readsAsEmpty_andListingPagesThroughKeys() {
        for (String sequence : new String[] {"201", "202", "203"}) {
            store.store(archive(sequence, policy()));
        }

        ReadArchivePort.ArchivePage first = store.list(BucketName.of(bucket), "archive/orders/", Optional.empty(), 2);
        ReadArchivePort.ArchivePage second = store.list(BucketName.of(bucket), "archive/orders/", first.continuationToken(), 2);

        assertThat(first.keys()).hasSize(2);
        assertThat(second.keys()).hasSize(1);
        assertThat(second.continuationToken()).isEmpty();
        assertThat(store.read(new ArchiveLocation(BucketName.of(bucket), new ObjectKey("archive/none.json")))).isEmpty();
    }

    @Test
    void aMissingBucket_isAPermanentFailure() {
        ArchivalDecision.Archive archive = archive("104", TestPolicies.withDestination(draft(), "no-such-bucket-" + bucket, "archive")
                .toPolicy(PolicyId.of("p"), PolicyVersion.initial()));

        assertThat(store.store(archive)).isInstanceOfSatisfying(StoreOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isFalse());
        assertThatThrownBy(() -> store.list(BucketName.of("no-such-bucket-" + bucket), "", Optional.empty(), 1))
                .isInstanceOfSatisfying(DependencyFailureException.class, e -> assertThat(e.retryable()).isFalse());
    }

    private RetentionPolicy policy() {
        PolicyDraft d = TestPolicies.withDestination(draft(), bucket, "archive");
        return d.toPolicy(PolicyId.of("orders-retention"), PolicyVersion.initial());
    }

    private static ArchivalDecision.Archive archive(String sequence, RetentionPolicy policy) {
        return (ArchivalDecision.Archive) ArchivalRules.decide(ttlRemove(order("customer#1", "order#1",
                EVENT_TIME.getEpochSecond() - 60), sequence), policy);
    }
}
