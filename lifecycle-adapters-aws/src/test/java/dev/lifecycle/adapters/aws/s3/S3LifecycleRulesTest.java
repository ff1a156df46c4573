package dev.lifecycle.adapters.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.bucket.StorageClass;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

class S3LifecycleRulesTest {

    private static final dev.lifecycle.domain.bucket.LifecycleRule OURS = dev.lifecycle.domain.bucket.LifecycleRule.of(
            "lifecycle-orders", "archive/orders/",
            List.of(new dev.lifecycle.domain.bucket.LifecycleRule.Transition(StorageClass.STANDARD_IA, 30),
                    new dev.lifecycle.domain.bucket.LifecycleRule.Transition(StorageClass.DEEP_ARCHIVE, 180)),
            Optional.of(365), Optional.of(30));

    @Test
    void thePlatformsRule_roundTripsThroughTheSdkShape() {
        LifecycleRule sdk = S3BucketConfiguration.LifecycleRules.toSdk(OURS);

        assertThat(sdk.filter().prefix()).isEqualTo("archive/orders/");
        assertThat(sdk.status()).isEqualTo(ExpirationStatus.ENABLED);
        assertThat(sdk.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(30);
        assertThat(S3BucketConfiguration.LifecycleRules.toDomain(sdk, 0)).isEqualTo(OURS);
    }

    @Test
    void whatThePlatformDoesNotModel_isNamedInExtras() {
        LifecycleRule foreign = LifecycleRule.builder().id("team-logs").status(ExpirationStatus.DISABLED)
                .filter(f -> f.and(a -> a.prefix("logs/").tags(Tag.builder().key("team").value("payments").build()).objectSizeLessThan(10L)))
                .transitions(Transition.builder().date(Instant.parse("2030-01-01T00:00:00Z")).storageClass(TransitionStorageClass.GLACIER).build(),
                        Transition.builder().days(40).storageClass("FUTURE_CLASS").build())
                .expiration(e -> e.expiredObjectDeleteMarker(true))
                .noncurrentVersionTransitions(n -> n.noncurrentDays(30).storageClass(TransitionStorageClass.GLACIER))
                .noncurrentVersionExpiration(n -> n.noncurrentDays(10).newerNoncurrentVersions(3))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(3))
                .build();

        dev.lifecycle.domain.bucket.LifecycleRule rule = S3BucketConfiguration.LifecycleRules.toDomain(foreign, 0);

        assertThat(rule.prefix()).isEqualTo("logs/");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.transitions()).isEmpty();
        assertThat(rule.expirationDays()).isEmpty();
        assertThat(rule.noncurrentExpirationDays()).contains(10);
        assertThat(rule.extras()).contains("tag filter", "size filter", "expired delete marker removal", "noncurrent-version transitions",
                "keeps 3 newer noncurrent versions", "abort incomplete multipart uploads");
        assertThat(rule.extras()).anyMatch(extra -> extra.contains("GLACIER")).anyMatch(extra -> extra.contains("FUTURE_CLASS"));
    }

    @Test
    void aRuleWithoutId_getsAPositionalName() {
        LifecycleRule unnamed = LifecycleRule.builder().status(ExpirationStatus.ENABLED).filter(f -> f.prefix("tmp/"))
                .expiration(e -> e.days(1)).build();

        assertThat(S3BucketConfiguration.LifecycleRules.toDomain(unnamed, 2).id()).isEqualTo("unnamed-rule-3");
    }

    @Test
    void aMissingObjectLockConfiguration_isRecognisedAsAwsAndS3MockSayIt() {
        assertThat(S3BucketConfiguration.isMissingObjectLockConfiguration(s3Error(404, "ObjectLockConfigurationNotFoundError",
                "Object Lock configuration does not exist for this bucket"))).isTrue();
        assertThat(S3BucketConfiguration.isMissingObjectLockConfiguration(s3Error(400, "InvalidRequest",
                "Bucket is missing Object Lock Configuration"))).isTrue();
        assertThat(S3BucketConfiguration.isMissingObjectLockConfiguration(s3Error(400, "InvalidRequest", "Something else"))).isFalse();
        assertThat(S3BucketConfiguration.isMissingObjectLockConfiguration(s3Error(403, "AccessDenied", "Access Denied"))).isFalse();
    }

    private static S3Exception s3Error(int status, String code, String message) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
