package dev.lifecycle.it.aws;

import static dev.lifecycle.it.aws.AwsFixtures.awaitRecord;
import static dev.lifecycle.it.aws.AwsFixtures.bucket;
import static dev.lifecycle.it.aws.AwsFixtures.sha256Base64;
import static dev.lifecycle.it.aws.AwsFixtures.streamArn;
import static dev.lifecycle.it.aws.AwsFixtures.tableWithStream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The local AWS the end-to-end tests rely on: each service answers and does what the product needs,
 * on whichever target runs (see docs/local-aws.md). Emulator-specific gaps are in
 * {@link EmbeddedEmulatorGapsTest}.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalAwsTest {

    private static final String TTL_ATTRIBUTE = "expiresAt";

    private final LocalAws aws;

    LocalAwsTest(LocalAws aws) {
        this.aws = aws;
    }

    @Test
    void describe_namesTheTargetAndEveryEndpoint() {
        String line = aws.describe();
        System.out.println("[local-aws] " + line);

        assertThat(line).startsWith(aws.target().id())
                .contains(aws.dynamoDbEndpoint().toString(), aws.s3Endpoint().toString(), aws.sqsEndpoint().toString());
    }

    @Test
    void dynamoDb_answers() {
        assertThat(aws.dynamoDb().listTables().tableNames()).isNotNull();
    }

    @Test
    void dynamoDbStreams_answers() {
        assertThat(aws.dynamoDbStreams().listStreams().streams()).isNotNull();
    }

    @Test
    void s3_answers() {
        assertThat(aws.s3().listBuckets().buckets()).isNotNull();
    }

    @Test
    void sqs_answers() {
        assertThat(aws.sqs().listQueues().queueUrls()).isNotNull();
    }

    @Test
    void expiredItem_isRemovedByTheTtlSweeper_withDynamoDbServiceIdentity() {
        assumeThat(aws.marksTtlDeletions()).as("%s does not sweep and mark TTL deletions", aws.target().id()).isTrue();
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String table = tableWithStream(aws);
        dynamoDb.updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(ttl -> ttl.enabled(true).attributeName(TTL_ATTRIBUTE)));
        long expiresAt = Instant.now().getEpochSecond() + 3;
        dynamoDb.putItem(request -> request.tableName(table).item(item("expiring", expiresAt)));
        dynamoDb.putItem(request -> request.tableName(table).item(item("staying", expiresAt + 3_600)));

        Record removal = awaitRemoval(table, "expiring");
        Instant seen = Instant.now();

        assertThat(removal.userIdentity()).as("userIdentity of the TTL REMOVE").isNotNull();
        assertThat(removal.userIdentity().type()).isEqualTo("Service");
        assertThat(removal.userIdentity().principalId()).isEqualTo("dynamodb.amazonaws.com");
        assertThat(removal.dynamodb().oldImage()).containsEntry("payload", AttributeValue.fromS("payload of expiring"));
        assertThat(dynamoDb.getItem(request -> request.tableName(table).key(key("staying"))).hasItem()).isTrue();
        Instant expiry = Instant.ofEpochSecond(expiresAt);
        System.out.printf("[local-aws] TTL sweep: the item expired at %s and its REMOVE was read from the stream at %s, "
                        + "%.1f s later (ApproximateCreationDateTime %s)%n",
                expiry, seen, Duration.between(expiry, seen).toMillis() / 1000.0, removal.dynamodb().approximateCreationDateTime());
    }

    @Test
    void deleteByACaller_isRemovedWithoutIdentity() {
        DynamoDbClient dynamoDb = aws.dynamoDb();
        String table = tableWithStream(aws);
        dynamoDb.putItem(request -> request.tableName(table).item(item("deleted", Instant.now().getEpochSecond() + 3_600)));
        dynamoDb.deleteItem(request -> request.tableName(table).key(key("deleted")));

        Record removal = awaitRemoval(table, "deleted");

        assertThat(removal.userIdentity()).isNull();
        assertThat(removal.dynamodb().oldImage()).containsEntry("payload", AttributeValue.fromS("payload of deleted"));
    }

    /**
     * The checksum is sent as a precomputed {@code x-amz-checksum-sha256} header without
     * {@code ChecksumAlgorithm}: with both, SDK 2.42 adds a trailer and S3Mock keeps no checksum
     * (see {@link EmbeddedEmulatorGapsTest}).
     */
    @Test
    void s3_storesThePrecomputedSha256OfAnObject() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        byte[] content = "{\"pk\":\"customer#42\"}".getBytes(StandardCharsets.UTF_8);
        String checksum = sha256Base64(content);

        PutObjectResponse put = s3.putObject(request -> request.bucket(bucket).key("archive/entry.json").checksumSHA256(checksum),
                RequestBody.fromBytes(content));
        ResponseBytes<GetObjectResponse> read = s3.getObjectAsBytes(request -> request.bucket(bucket).key("archive/entry.json")
                .checksumMode(ChecksumMode.ENABLED));

        assertThat(put.checksumSHA256()).isEqualTo(checksum);
        assertThat(read.response().checksumSHA256()).isEqualTo(checksum);
        assertThat(read.asByteArray()).isEqualTo(content);
    }

    @Test
    void s3_refusesAnObjectWhoseContentDoesNotMatchItsSha256() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        String checksumOfOtherContent = sha256Base64("other content".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> s3.putObject(request -> request.bucket(bucket).key("corrupt.json").checksumSHA256(checksumOfOtherContent),
                RequestBody.fromString("content")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> s3.headObject(request -> request.bucket(bucket).key("corrupt.json")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void s3_returnsUserMetadataAndContentTypeAsWritten() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        Map<String, String> metadata = Map.of("cause", "TTL", "sequence-number", "4100000000000000000001", "policy-version", "7");

        s3.putObject(request -> request.bucket(bucket).key("entry.json").contentType("application/json").metadata(metadata),
                RequestBody.fromString("{}"));
        HeadObjectResponse head = s3.headObject(request -> request.bucket(bucket).key("entry.json"));

        assertThat(head.metadata()).isEqualTo(metadata);
        assertThat(head.contentType()).isEqualTo("application/json");
    }

    @Test
    void s3_refusesAConditionalPutOnAnExistingKey_withPreconditionFailed() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        s3.putObject(request -> request.bucket(bucket).key("once.json").ifNoneMatch("*"), RequestBody.fromString("first"));

        assertThatThrownBy(() -> s3.putObject(request -> request.bucket(bucket).key("once.json").ifNoneMatch("*"),
                RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(request -> request.bucket(bucket).key("once.json")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void s3_returnsTheLifecycleConfigurationAsWritten() {
        S3Client s3 = aws.s3();
        String bucket = bucket(aws);
        LifecycleRule rule = LifecycleRule.builder()
                .id("archive-tiers")
                .filter(filter -> filter.prefix("archive/"))
                .status(ExpirationStatus.ENABLED)
                .transitions(
                        Transition.builder().days(30).storageClass(TransitionStorageClass.STANDARD_IA).build(),
                        Transition.builder().days(90).storageClass(TransitionStorageClass.GLACIER).build())
                .expiration(expiration -> expiration.days(3_650))
                .build();

        s3.putBucketLifecycleConfiguration(request -> request.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rule).build()));

        assertThat(s3.getBucketLifecycleConfiguration(request -> request.bucket(bucket)).rules()).containsExactly(rule);
    }

    @Test
    void s3_keepsObjectLockDefaultsRetentionAndLegalHold_onABucketCreatedWithObjectLock() {
        S3Client s3 = aws.s3();
        String bucket = "lifecycle-locked-" + UUID.randomUUID();
        s3.createBucket(request -> request.bucket(bucket).objectLockEnabledForBucket(true));
        ObjectLockConfiguration defaults = ObjectLockConfiguration.builder()
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(rule -> rule.defaultRetention(retention -> retention.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))
                .build();
        s3.putObjectLockConfiguration(request -> request.bucket(bucket).objectLockConfiguration(defaults));
        s3.putObject(request -> request.bucket(bucket).key("held.json"), RequestBody.fromString("{}"));
        ObjectLockRetention retention = ObjectLockRetention.builder()
                .mode(ObjectLockRetentionMode.COMPLIANCE)
                .retainUntilDate(Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS))
                .build();

        s3.putObjectRetention(request -> request.bucket(bucket).key("held.json").retention(retention));
        s3.putObjectLegalHold(request -> request.bucket(bucket).key("held.json")
                .legalHold(hold -> hold.status(ObjectLockLegalHoldStatus.ON)));

        assertThat(s3.getObjectLockConfiguration(request -> request.bucket(bucket)).objectLockConfiguration()).isEqualTo(defaults);
        assertThat(s3.getObjectRetention(request -> request.bucket(bucket).key("held.json")).retention()).isEqualTo(retention);
        assertThat(s3.getObjectLegalHold(request -> request.bucket(bucket).key("held.json")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);
    }

    @Test
    void sqs_deliversAMessageWithItsAttributes_untilItIsDeleted() {
        SqsClient sqs = aws.sqs();
        String queue = sqs.createQueue(request -> request.queueName("lifecycle-failures-" + UUID.randomUUID())).queueUrl();
        String body = "{\"requestContext\":{\"condition\":\"RetryAttemptsExhausted\"}}";
        MessageAttributeValue shard = MessageAttributeValue.builder().dataType("String").stringValue("shardId-00000001").build();

        sqs.sendMessage(request -> request.queueUrl(queue).messageBody(body).messageAttributes(Map.of("shard", shard)));
        List<Message> received = sqs.receiveMessage(request -> request.queueUrl(queue).waitTimeSeconds(2)
                .maxNumberOfMessages(10).messageAttributeNames("All")).messages();
        assertThat(received).singleElement().satisfies(message -> {
            assertThat(message.body()).isEqualTo(body);
            assertThat(message.messageAttributes()).containsEntry("shard", shard);
        });
        sqs.deleteMessage(request -> request.queueUrl(queue).receiptHandle(received.get(0).receiptHandle()));

        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(request -> request.queueUrl(queue)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(attributes).containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0")
                .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "0");
    }

    /** Starts a second, private set of emulators: the shared one must live until the run ends. */
    @Test
    void close_stopsEveryEmulatorProcess_andClosesItsPort() {
        assumeThat(aws.target()).as("only the embedded target starts processes").isEqualTo(AwsTarget.EMBEDDED);
        Set<Long> before = ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
        LocalAws second = LocalAws.embedded();
        List<ProcessHandle> emulators = ProcessHandle.current().children().filter(child -> !before.contains(child.pid())).toList();
        List<URI> endpoints = List.of(second.dynamoDbEndpoint(), second.s3Endpoint(), second.sqsEndpoint());
        assertThat(emulators).hasSize(3).allMatch(ProcessHandle::isAlive);
        assertThat(endpoints).allMatch(LocalAwsTest::acceptsConnections);

        second.close();

        assertThat(emulators).noneMatch(ProcessHandle::isAlive);
        assertThat(endpoints).noneMatch(LocalAwsTest::acceptsConnections);
    }

    private Record awaitRemoval(String table, String pk) {
        return awaitRecord(aws, streamArn(aws, table), "REMOVE of " + pk, record -> record.eventName() == OperationType.REMOVE
                && AttributeValue.fromS(pk).equals(record.dynamodb().keys().get("pk")));
    }

    private static Map<String, AttributeValue> item(String pk, long expiresAt) {
        return Map.of("pk", AttributeValue.fromS(pk),
                TTL_ATTRIBUTE, AttributeValue.fromN(Long.toString(expiresAt)),
                "payload", AttributeValue.fromS("payload of " + pk));
    }

    private static Map<String, AttributeValue> key(String pk) {
        return Map.of("pk", AttributeValue.fromS(pk));
    }

    private static boolean acceptsConnections(URI endpoint) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), 1_000);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
