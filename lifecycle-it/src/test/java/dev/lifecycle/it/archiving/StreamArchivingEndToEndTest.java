package dev.lifecycle.it.archiving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.item.AttributeValue.N;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import dev.lifecycle.it.faults.FaultInjectingProxy;
import dev.lifecycle.it.lambda.EventSourceMapping;
import dev.lifecycle.it.lambda.EventSourceMappingSettings;
import dev.lifecycle.it.lambda.FunctionInvoker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The deployed stream processor against emulated AWS: real DynamoDB Local tables and streams
 * (with their own TTL sweeper), S3Mock, ElasticMQ, the packaged function in its own JVM, and the
 * event source mapping driving it. Each test uses its own table, so they are independent.
 */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamArchivingEndToEndTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "archive";
    private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(90);

    private LocalAws aws;
    private DeployedProcessor processor;
    private DynamoDbPolicyRepository policies;
    private S3ArchiveStore archives;
    private String bucket;
    private String failureQueueUrl;
    private final List<EventSourceMapping> mappings = new ArrayList<>();

    @BeforeAll
    void startPlatform(LocalAws aws) {
        this.aws = aws;
        String policyTable = "lifecycle-policies-" + RUN;
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), policyTable);
        policies.createTableIfMissing();
        bucket = "archive-" + RUN;
        aws.s3().createBucket(b -> b.bucket(bucket));
        failureQueueUrl = aws.sqs().createQueue(b -> b.queueName("stream-failures-" + RUN)).queueUrl();
        archives = new S3ArchiveStore(aws.s3());
        Instant started = Instant.now();
        processor = DeployedProcessor.start(aws, policyTable, Duration.ofSeconds(20));
        System.out.printf("[e2e] %s; function ready in %d ms%n", aws.describe(), Duration.between(started, Instant.now()).toMillis());
    }

    @AfterAll
    void stopPlatform() {
        mappings.forEach(EventSourceMapping::close);
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void ttlExpiriesAndUserDeletes_areArchivedOncePerRemoval_withTheirCause_andTheFullOldImage() {
        String table = table("mixed", TestPolicies.draft());
        long soon = Instant.now().plusSeconds(3).getEpochSecond();
        long later = Instant.now().plusSeconds(3_600).getEpochSecond();
        Map<String, Map<String, AttributeValue>> expired = new LinkedHashMap<>();
        Map<String, Map<String, AttributeValue>> deleted = new LinkedHashMap<>();
        for (int n = 0; n < 5; n++) {
            int i = n;
            expired.put("ttl-" + i, put(table, order("customer#" + i, "ttl-" + i, soon)));
            deleted.put("user-" + i, put(table, order("customer#" + i, "user-" + i, later)));
            put(table, order("customer#" + i, "kept-" + i, later));
            put(table, order("customer#" + i, "updated-" + i, later));
            aws.dynamoDb().updateItem(b -> b.tableName(table).key(key("customer#" + i, "updated-" + i))
                    .updateExpression("SET #total = :t").expressionAttributeNames(Map.of("#total", "total"))
                    .expressionAttributeValues(Map.of(":t", n("1.00"))));
        }
        deleted.keySet().forEach(sk -> delete(table, deleted.get(sk)));

        List<ArchiveEntry> entries = awaitArchives(table, 10);

        Map<String, ArchiveEntry> bySortKey = entries.stream()
                .collect(Collectors.toMap(e -> e.key().sortKey().orElseThrow().value().asText(), e -> e));
        assertThat(bySortKey).containsOnlyKeys(concat(expired.keySet(), deleted.keySet()));
        DeletionCause expiry = aws.marksTtlDeletions() ? DeletionCause.TTL : DeletionCause.EXPIRED;
        expired.forEach((sk, item) -> {
            assertThat(bySortKey.get(sk).cause()).as(sk).isEqualTo(expiry);
            assertThat(bySortKey.get(sk).oldImage()).as(sk).isEqualTo(SdkAttributeValues.toItem(item));
        });
        deleted.forEach((sk, item) -> {
            assertThat(bySortKey.get(sk).cause()).as(sk).isEqualTo(DeletionCause.USER);
            assertThat(bySortKey.get(sk).oldImage()).as(sk).isEqualTo(SdkAttributeValues.toItem(item));
        });
        String day = LocalDate.ofInstant(bySortKey.get("user-0").deletedAt(), ZoneOffset.UTC).toString().replace('-', '/');
        assertThat(objectKeys(table)).contains(PREFIX + "/" + table + "/" + day + "/S-customer%230~S-user-0/"
                + bySortKey.get("user-0").sequenceNumber().canonical() + ".json");
        assertThat(messagesOnFailureQueue()).noneMatch(m -> m.body().contains(table));
    }

    @Test
    void userDeletes_areArchivedAtAMeasuredRate() {
        String table = table("rate", TestPolicies.draft());
        int count = 300;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(put(table, order("customer#" + (i % 17), "order-" + i, Instant.now().plusSeconds(86_400).getEpochSecond())));
        }
        long start = System.nanoTime();
        items.forEach(item -> delete(table, item));

        awaitArchives(table, count);

        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[e2e] archived %d user deletes in %.1f s: %.0f records/s end to end (deletes, stream, mapping, function, S3)%n",
                count, seconds, count / seconds);
    }

    @Test
    void aTtlOnlyPolicy_skipsUserDeletes_andLogsEachSkip() {
        String table = table("ttl-only", TestPolicies.withCauses(TestPolicies.draft(), "TTL", "EXPIRED"));
        EventSourceMapping mapping = mappings.get(mappings.size() - 1);
        for (int i = 0; i < 3; i++) {
            delete(table, put(table, order("customer#" + i, "user-" + i, Instant.now().plusSeconds(3_600).getEpochSecond())));
        }

        awaitCondition("3 records handled", () -> mapping.stats().recordsSucceeded.get() >= 3);

        assertThat(objectKeys(table)).isEmpty();
        assertThat(processor.log()).contains("skipped: cause USER is not archived by the policy");
    }

    @Test
    void aBatchDeliveredTwice_leavesOneUnchangedObjectPerRemoval() {
        String table = table("twice", TestPolicies.draft());
        for (int i = 0; i < 5; i++) {
            delete(table, put(table, order("customer#" + i, "order-" + i, Instant.now().plusSeconds(3_600).getEpochSecond())));
        }
        awaitArchives(table, 5);
        Map<String, String> etags = objects(table).stream().collect(Collectors.toMap(S3Object::key, S3Object::eTag));

        EventSourceMapping redelivery = mapping(streamArnOf(table), EventSourceMappingSettings.recommended(failureQueueUrl));
        awaitCondition("the stream delivered again", () -> redelivery.stats().recordsSucceeded.get() >= 5);

        assertThat(objects(table).stream().collect(Collectors.toMap(S3Object::key, S3Object::eTag))).isEqualTo(etags);
        assertThat(processor.log()).contains("5 archived (5 already present)");
    }

    @Test
    void s3FailingForSomeWrites_theRecordsAreReportedRetriedAndAllArchived() {
        // Lambda's default, retry until success: at high fault rates almost every invocation of a batch has a
        // failing record, and a bounded retry count would send already-archived ranges to the failure queue.
        String table = table("s3-faults", TestPolicies.draft(), EventSourceMappingSettings.recommended(failureQueueUrl)
                .withMaximumRetryAttempts(-1));
        EventSourceMapping mapping = mappings.get(mappings.size() - 1);
        // High enough that some writes exhaust the SDK's own retries (4 attempts) and reach the batch response.
        processor.s3Proxy.failRandomly(0.6, FaultInjectingProxy.objectPuts(),
                FaultInjectingProxy.Fault.SLOW_DOWN_503, FaultInjectingProxy.Fault.INTERNAL_ERROR_500);
        int injectedBefore = processor.s3Proxy.injectedCount();
        try {
            for (int i = 0; i < 40; i++) {
                delete(table, put(table, order("customer#" + i, "order-" + i, Instant.now().plusSeconds(3_600).getEpochSecond())));
            }
            awaitArchives(table, 40);
        } finally {
            processor.s3Proxy.heal();
        }

        int injected = processor.s3Proxy.injectedCount() - injectedBefore;
        System.out.printf("[e2e] S3 faults injected: %d; mapping: %s%n", injected, mapping.stats());
        assertThat(injected).isPositive();
        assertThat(mapping.stats().partialFailures.get() + mapping.stats().functionErrors.get()).isPositive();
        assertThat(messagesOnFailureQueue()).noneMatch(m -> m.body().contains(table));
    }

    @Test
    void aPoisonRecord_reachesTheFailureQueueAfterTheRetryLimit_andTheRestOfTheBatchIsArchived() {
        String table = "poison-" + RUN;
        createTable(table);
        store(TestPolicies.withDestination(TestPolicies.withTable(TestPolicies.draft(), table), bucket, PREFIX)
                .toPolicy(PolicyId.of(table), PolicyVersion.initial()));
        // The event source mapping delivers the poison record with a number no DynamoDB item can hold.
        FunctionInvoker corrupting = event -> processor.runtimeApi.invoke(new String(event, StandardCharsets.UTF_8)
                .replace("\"N\":\"666.666\"", "\"N\":\"6x6\"").getBytes(StandardCharsets.UTF_8));
        EventSourceMappingSettings settings = EventSourceMappingSettings.recommended(failureQueueUrl).withMaximumRetryAttempts(2);
        EventSourceMapping mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), streamArnOf(table),
                aws.region().id(), DeployedProcessor.FUNCTION_ARN, corrupting, settings, Clock.systemUTC());
        mappings.add(mapping);
        long later = Instant.now().plusSeconds(3_600).getEpochSecond();
        for (int i = 0; i < 4; i++) {
            delete(table, put(table, order("customer#" + i, "order-" + i, later)));
        }
        Map<String, AttributeValue> poison = new HashMap<>(order("customer#9", "poison", later));
        poison.put("total", n("666.666"));
        delete(table, put(table, poison));

        awaitArchives(table, 4);
        List<Message> failures = awaitFailureMessages(table);

        assertThat(failures).singleElement().satisfies(message -> {
            assertThat(message.body()).contains("\"condition\":\"RetryAttemptsExhausted\"").contains("DDBStreamBatchInfo")
                    .contains(streamArnOf(table));
        });
        assertThat(processor.log()).contains("failed (permanent)").contains("6x6");
    }

    @Test
    void everyAttributeType_andNastyKeys_areArchivedAndReadBackEqual() {
        String table = table("types", TestPolicies.draft());
        long later = Instant.now().plusSeconds(3_600).getEpochSecond();
        List<Map<String, AttributeValue>> items = List.of(
                everyType("a/b#c d", "日本/😀#1", later),
                everyType("..", "%2F~", later),
                nested("deep", "32-levels", 32, later),
                large("large", "400KB", later));
        items.forEach(item -> delete(table, put(table, item)));

        List<ArchiveEntry> entries = awaitArchives(table, items.size());

        for (Map<String, AttributeValue> item : items) {
            Item expected = SdkAttributeValues.toItem(item);
            ArchiveEntry entry = entries.stream().filter(e -> e.key().identifies(expected)).findFirst().orElseThrow();
            assertThat(entry.oldImage()).isEqualTo(expected);
            expected.get("n38").ifPresent(n -> assertThat(((N) entry.oldImage().get("n38").orElseThrow()).value())
                    .isEqualTo(((N) n).value()));
        }
    }

    // ---- fixtures

    private String table(String name, PolicyDraft draft) {
        return table(name, draft, EventSourceMappingSettings.recommended(failureQueueUrl));
    }

    private String table(String name, PolicyDraft draft, EventSourceMappingSettings settings) {
        String table = name + "-" + RUN;
        createTable(table);
        store(TestPolicies.withDestination(TestPolicies.withTable(draft, table), bucket, PREFIX)
                .toPolicy(PolicyId.of(table), PolicyVersion.initial()));
        mapping(streamArnOf(table), settings);
        return table;
    }

    private void store(RetentionPolicy policy) {
        policies.create(policy, TestPolicies.setUpAudit(policy));
    }

    private EventSourceMapping mapping(String streamArn, EventSourceMappingSettings settings) {
        EventSourceMapping mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), streamArn, aws.region().id(),
                DeployedProcessor.FUNCTION_ARN, processor.runtimeApi, settings, Clock.systemUTC());
        mappings.add(mapping);
        return mapping;
    }

    private void createTable(String table) {
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
        aws.dynamoDb().updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
    }

    private String streamArnOf(String table) {
        return aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private Map<String, AttributeValue> put(String table, Map<String, AttributeValue> item) {
        aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
        return item;
    }

    private void delete(String table, Map<String, AttributeValue> item) {
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
    }

    private List<ArchiveEntry> awaitArchives(String table, int count) {
        awaitCondition(count + " archive objects for " + table, () -> objects(table).size() >= count);
        List<S3Object> objects = objects(table);
        assertThat(objects).as("archive objects for %s", table).hasSize(count);
        return objects.stream().map(o -> archives.read(new ArchiveLocation(BucketName.of(bucket), new ObjectKey(o.key())))
                .orElseThrow()).toList();
    }

    private List<S3Object> objects(String table) {
        return aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX + "/" + table + "/")).contents()
                .stream().toList();
    }

    private List<String> objectKeys(String table) {
        return objects(table).stream().map(S3Object::key).toList();
    }

    private final List<Message> failureMessages = new ArrayList<>();

    private synchronized List<Message> messagesOnFailureQueue() {
        List<Message> received;
        do {
            received = aws.sqs().receiveMessage(b -> b.queueUrl(failureQueueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
            failureMessages.addAll(received);
            received.forEach(m -> aws.sqs().deleteMessage(b -> b.queueUrl(failureQueueUrl).receiptHandle(m.receiptHandle())));
        } while (!received.isEmpty());
        return List.copyOf(failureMessages);
    }

    private List<Message> awaitFailureMessages(String table) {
        awaitCondition("a failure message for " + table,
                () -> messagesOnFailureQueue().stream().anyMatch(m -> m.body().contains(table)));
        return messagesOnFailureQueue().stream().filter(m -> m.body().contains(table)).toList();
    }

    private void awaitCondition(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + ARCHIVE_WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + ARCHIVE_WAIT + " waiting for " + what
                        + "; function log: " + processor.function().log());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    private static Map<String, AttributeValue> order(String pk, String sk, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("total", n("129.90"));
        item.put("status", s("SHIPPED"));
        item.put("expiresAt", n(Long.toString(expiresAt)));
        return item;
    }

    private static Map<String, AttributeValue> everyType(String pk, String sk, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("expiresAt", n(Long.toString(expiresAt)));
        item.put("s", s("text with \"quotes\", \\ and 日本"));
        item.put("empty", s(""));
        item.put("n38", n("12345678901234567890.123456789012345678"));
        item.put("nTiny", n("-1E-130"));
        item.put("nHuge", n("9.9999999999999999999999999999999999999E+125"));
        item.put("b", AttributeValue.builder().b(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff, 1, (byte) 0x80})).build());
        item.put("ss", AttributeValue.builder().ss("b", "a", "ü").build());
        item.put("ns", AttributeValue.builder().ns("1", "2.5", "-3E+10").build());
        item.put("bs", AttributeValue.builder().bs(SdkBytes.fromByteArray(new byte[] {1}), SdkBytes.fromByteArray(new byte[] {2, 3})).build());
        item.put("m", AttributeValue.builder().m(Map.of("x", n("1"), "y", AttributeValue.builder().l(s("a"), n("2")).build())).build());
        item.put("l", AttributeValue.builder().l(s("a"), AttributeValue.builder().nul(true).build(),
                AttributeValue.builder().bool(false).build()).build());
        item.put("nul", AttributeValue.builder().nul(true).build());
        item.put("bool", AttributeValue.builder().bool(true).build());
        return item;
    }

    private static Map<String, AttributeValue> nested(String pk, String sk, int levels, long expiresAt) {
        AttributeValue value = s("bottom");
        for (int i = 0; i < levels - 1; i++) {
            value = AttributeValue.builder().m(Map.of("level" + (levels - 1 - i), value)).build();
        }
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("expiresAt", n(Long.toString(expiresAt)));
        item.put("nested", value);
        return item;
    }

    private static Map<String, AttributeValue> large(String pk, String sk, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(key(pk, sk));
        item.put("expiresAt", n(Long.toString(expiresAt)));
        item.put("blob", s("x".repeat(390 * 1024)));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of("pk", s(pk), "sk", s(sk));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    private static AttributeValue n(String value) {
        return AttributeValue.builder().n(value).build();
    }

    private static List<String> concat(java.util.Collection<String> a, java.util.Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
