package dev.lifecycle.it.aws;

import static dev.lifecycle.it.aws.AwsFixtures.awaitRecord;
import static dev.lifecycle.it.aws.AwsFixtures.bucket;
import static dev.lifecycle.it.aws.AwsFixtures.sha256Base64;
import static dev.lifecycle.it.aws.AwsFixtures.streamArn;
import static dev.lifecycle.it.aws.AwsFixtures.tableWithStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Where the embedded emulators differ from AWS, written down as tests so that an emulator upgrade
 * that closes a gap is noticed (the test fails: update docs/local-aws.md and delete the test).
 * Tests of the product must not rely on these behaviours. Run on the embedded target only.
 */
@ExtendWith(LocalAwsExtension.class)
class EmbeddedEmulatorGapsTest {

    private final LocalAws aws;

    EmbeddedEmulatorGapsTest(LocalAws aws) {
        this.aws = aws;
    }

    @BeforeEach
    void onlyForTheEmbeddedEmulators() {
        assumeThat(aws.target()).as("these gaps belong to DynamoDB Local, S3Mock and ElasticMQ").isEqualTo(AwsTarget.EMBEDDED);
    }

    /** AWS keeps the precomputed value (or refuses a wrong one); S3Mock keeps nothing and checks nothing. */
    @Test
    void s3Mock_dropsAPrecomputedSha256_sentTogetherWithChecksumAlgorithm() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        String checksumOfOtherContent = sha256Base64("other content".getBytes(StandardCharsets.UTF_8));

        PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key("entry.json")
                .checksumAlgorithm(ChecksumAlgorithm.SHA256).checksumSHA256(checksumOfOtherContent), RequestBody.fromString("content"));

        assertThat(put.checksumSHA256()).isNull();
        assertThat(s3.headObject(request -> request.bucket(bucket).key("entry.json").checksumMode(ChecksumMode.ENABLED))
                .checksumSHA256()).isNull();
    }

    /** AWS refuses to delete a version under retention or legal hold (and object lock turns versioning on). */
    @Test
    void s3Mock_deletesAnObjectUnderComplianceRetentionAndLegalHold() {
        S3Client s3 = aws.s3();
        String bucket = "lifecycle-locked-" + UUID.randomUUID();
        s3.createBucket(request -> request.bucket(bucket).objectLockEnabledForBucket(true));
        PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key("held.json"), RequestBody.fromString("{}"));
        s3.putObjectRetention(request -> request.bucket(bucket).key("held.json").retention(retention -> retention
                .mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(Instant.now().plus(1, ChronoUnit.DAYS))));
        s3.putObjectLegalHold(request -> request.bucket(bucket).key("held.json")
                .legalHold(hold -> hold.status(ObjectLockLegalHoldStatus.ON)));

        s3.deleteObject(request -> request.bucket(bucket).key("held.json"));

        assertThat(put.versionId()).as("version id of a put into an object-lock bucket").isNull();
        assertThat(s3.getBucketVersioning(request -> request.bucket(bucket)).status()).isNull();
        assertThatThrownBy(() -> s3.headObject(request -> request.bucket(bucket).key("held.json")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    /** AWS lets a COMPLIANCE retention be extended, never shortened. */
    @Test
    void s3Mock_letsAComplianceRetentionBeShortened() {
        S3Client s3 = aws.s3();
        String bucket = "lifecycle-locked-" + UUID.randomUUID();
        s3.createBucket(request -> request.bucket(bucket).objectLockEnabledForBucket(true));
        s3.putObject(request -> request.bucket(bucket).key("held.json"), RequestBody.fromString("{}"));
        Instant later = Instant.now().plus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant sooner = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        s3.putObjectRetention(request -> request.bucket(bucket).key("held.json")
                .retention(retention -> retention.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));

        s3.putObjectRetention(request -> request.bucket(bucket).key("held.json")
                .retention(retention -> retention.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(sooner)));

        assertThat(s3.getObjectRetention(request -> request.bucket(bucket).key("held.json")).retention().retainUntilDate())
                .isEqualTo(sooner);
    }

    /** AWS refuses a transition to STANDARD_IA before 30 days. */
    @Test
    void s3Mock_acceptsATransitionToStandardIaBefore30Days() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        LifecycleRule tooEarly = LifecycleRule.builder().id("too-early").filter(filter -> filter.prefix("archive/"))
                .status(ExpirationStatus.ENABLED)
                .transitions(Transition.builder().days(10).storageClass(TransitionStorageClass.STANDARD_IA).build())
                .build();

        s3.putBucketLifecycleConfiguration(request -> request.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(tooEarly).build()));

        assertThat(s3.getBucketLifecycleConfiguration(request -> request.bucket(bucket)).rules()).containsExactly(tooEarly);
    }

    /** DynamoDB gives the time to the second (AWS documents it as "approximate", in seconds). */
    @Test
    void dynamoDbLocal_roundsApproximateCreationDateTimeDownToTheMinute() {
        String table = tableWithStream(aws);
        Instant before = Instant.now();
        aws.dynamoDb().putItem(request -> request.tableName(table).item(Map.of("pk", AttributeValue.fromS("inserted"))));
        Instant after = Instant.now();

        Record insert = awaitRecord(aws, streamArn(aws, table), "INSERT", record -> record.eventName() == OperationType.INSERT);

        Instant approximate = insert.dynamodb().approximateCreationDateTime();
        assertThat(approximate.getEpochSecond() % 60).as("seconds of %s", approximate).isZero();
        assertThat(approximate).isBetween(before.truncatedTo(ChronoUnit.MINUTES), after.truncatedTo(ChronoUnit.MINUTES));
    }

    /** DynamoDB's stream records name the table's region, e.g. eu-west-1, in awsRegion and the ARN. */
    @Test
    void dynamoDbLocal_namesItsRegionDdblocal_inStreamRecordsAndArns() {
        String table = tableWithStream(aws);
        aws.dynamoDb().putItem(request -> request.tableName(table).item(Map.of("pk", AttributeValue.fromS("inserted"))));
        String streamArn = streamArn(aws, table);

        Record insert = awaitRecord(aws, streamArn, "INSERT", record -> record.eventName() == OperationType.INSERT);

        assertThat(insert.awsRegion()).isEqualTo("ddblocal");
        assertThat(streamArn).startsWith("arn:aws:dynamodb:ddblocal:000000000000:table/" + table + "/stream/");
    }

    /** DynamoDB rejects a second UpdateTimeToLive on a table within about an hour (ValidationException). */
    @Test
    void dynamoDbLocal_acceptsASecondTimeToLiveChangeAtOnce() {
        String table = tableWithStream(aws);
        aws.dynamoDb().updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName("expiresAt")));

        aws.dynamoDb().updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(false).attributeName("expiresAt")));

        assertThat(aws.dynamoDb().describeTimeToLive(request -> request.tableName(table)).timeToLiveDescription()
                .timeToLiveStatusAsString()).isEqualTo("DISABLED");
    }

    /** AWS answers 404 ObjectLockConfigurationNotFoundError; S3BucketConfiguration accepts both as "no object lock". */
    @Test
    void s3Mock_answersObjectLockConfigurationOfAnUnlockedBucket_with400InvalidRequest() {
        String bucket = bucket(aws);

        assertThatThrownBy(() -> aws.s3().getObjectLockConfiguration(request -> request.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Bucket is missing Object Lock Configuration");
                });
    }

    /** AWS enables object lock on an existing bucket only once versioning is enabled (409 InvalidBucketState otherwise). */
    @Test
    void s3Mock_enablesObjectLockOnAnExistingBucket_evenWithoutVersioning() {
        String bucket = bucket(aws);

        aws.s3().putObjectLockConfiguration(request -> request.bucket(bucket)
                .objectLockConfiguration(lock -> lock.objectLockEnabled(ObjectLockEnabled.ENABLED)));

        assertThat(aws.s3().getObjectLockConfiguration(request -> request.bucket(bucket)).objectLockConfiguration()
                .objectLockEnabled()).isEqualTo(ObjectLockEnabled.ENABLED);
        assertThat(aws.s3().getBucketVersioning(request -> request.bucket(bucket)).status()).isNull();
    }

    /** AWS keeps the tags of a lifecycle rule's And filter; S3Mock drops them (prefix and size survive). */
    @Test
    void s3Mock_dropsTheTagsOfALifecycleRulesAndFilter() {
        String bucket = bucket(aws);
        LifecycleRule tagged = LifecycleRule.builder().id("tagged").status(ExpirationStatus.ENABLED)
                .filter(filter -> filter.and(and -> and.prefix("logs/").tags(Tag.builder().key("team").value("payments").build())
                        .objectSizeGreaterThan(1024L)))
                .expiration(expiration -> expiration.days(7))
                .build();

        aws.s3().putBucketLifecycleConfiguration(request -> request.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(tagged).build()));

        LifecycleRule stored = aws.s3().getBucketLifecycleConfiguration(request -> request.bucket(bucket)).rules().get(0);
        assertThat(stored.filter().and().tags()).isEmpty();
        assertThat(stored.filter().and().prefix()).isEqualTo("logs/");
        assertThat(stored.filter().and().objectSizeGreaterThan()).isEqualTo(1024L);
    }
}
