package dev.lifecycle.it.archiving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbAuditLog;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.adapters.aws.sqs.SqsFailureQueue;
import dev.lifecycle.adapters.aws.stream.DynamoDbStreamReader;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.replay.MessageOutcome;
import dev.lifecycle.domain.replay.ReplayFailuresCommand;
import dev.lifecycle.domain.replay.ReplayFailuresService;
import dev.lifecycle.domain.replay.ReplayReport;
import dev.lifecycle.domain.replay.StopReason;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import dev.lifecycle.it.faults.FaultInjectingProxy;
import dev.lifecycle.it.lambda.EventSourceMapping;
import dev.lifecycle.it.lambda.EventSourceMappingSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Replay end to end: an S3 outage makes the deployed stream processor fail every archive write, the
 * event source mapping gives up after its retries and sends the batches' metadata to the failure
 * queue (ElasticMQ); S3 comes back; the replay reads the ranges again from DynamoDB Local's stream
 * and archives every removal, through the same use case as the function, and empties the queue.
 */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayEndToEndTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "archive";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int REMOVALS = 24;

    private LocalAws aws;
    private DeployedProcessor processor;
    private DynamoDbPolicyRepository policies;
    private String policyTable;
    private String bucket;
    private String failureQueueUrl;
    private EventSourceMapping mapping;

    @BeforeAll
    void startPlatform(LocalAws aws) {
        this.aws = aws;
        policyTable = "replay-policies-" + RUN;
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), policyTable);
        policies.createTableIfMissing();
        bucket = "replay-archive-" + RUN;
        aws.s3().createBucket(b -> b.bucket(bucket));
        failureQueueUrl = aws.sqs().createQueue(b -> b.queueName("replay-failures-" + RUN)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "60"))).queueUrl();
        processor = DeployedProcessor.start(aws, policyTable, Duration.ofSeconds(20));
    }

    @AfterAll
    void stopPlatform() {
        if (mapping != null) {
            mapping.close();
        }
        if (processor != null) {
            processor.close();
        }
    }

    @Test
    void batchesGivenUpDuringAnS3Outage_areRecoveredByReplay_eachRemovalArchivedOnce_andTheQueueIsEmptied() {
        long begin = System.nanoTime();
        String table = "replay-" + RUN;
        createTable(table);
        RetentionPolicy policy = TestPolicies.withDestination(TestPolicies.withTable(TestPolicies.draft(), table), bucket, PREFIX)
                .toPolicy(PolicyId.of(table), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        processor.s3Proxy.failRandomly(1.0, FaultInjectingProxy.objectPuts(), FaultInjectingProxy.Fault.SLOW_DOWN_503);
        mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), streamArnOf(table), aws.region().id(),
                DeployedProcessor.FUNCTION_ARN, processor.runtimeApi,
                EventSourceMappingSettings.recommended(failureQueueUrl).withBatchSize(10).withMaximumRetryAttempts(1), Clock.systemUTC());

        Map<String, Map<String, AttributeValue>> removed = new LinkedHashMap<>();
        long later = Instant.now().plusSeconds(3_600).getEpochSecond();
        for (int i = 0; i < REMOVALS; i++) {
            Map<String, AttributeValue> item = order("customer#" + (i % 5), "order-" + i, later);
            aws.dynamoDb().putItem(b -> b.tableName(table).item(item));
            aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))));
            removed.put("order-" + i, item);
        }
        await("the mapping gives up on every removal", () -> mapping.stats().discardedRecords.get() >= REMOVALS);
        int failureMessages = mapping.stats().discardedBatches.get();
        long outage = System.nanoTime();
        assertThat(objects(table)).as("nothing archived during the outage").isEmpty();
        assertThat(processor.s3Proxy.injectedCount()).isPositive();
        processor.s3Proxy.heal();

        ReplayReport report = replayService().replay(new ReplayFailuresCommand(100, "operator"));

        long replayed = System.nanoTime();
        System.out.printf("[e2e] replay: outage and give-up %d ms, replay %d ms; %s; mapping %s%n", (outage - begin) / 1_000_000,
                (replayed - outage) / 1_000_000, report.summary(), mapping.stats());
        ReplayReport.Totals totals = report.totals();
        assertThat(report.outcomes()).hasSize(failureMessages).allSatisfy(o -> assertThat(o).isInstanceOf(MessageOutcome.Replayed.class));
        assertThat(report.stopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(totals.recovered()).isEqualTo(REMOVALS);
        assertThat(totals.alreadyPresent()).isZero();
        assertThat(totals.failed()).isZero();
        assertThat(totals.lost()).isZero();
        // The ranges also hold the inserts between the removals (the mapping filtered them out): skipped as not removals.
        assertThat(totals.read()).isEqualTo(REMOVALS + totals.skipped());
        assertThat(report.outcomes()).allSatisfy(o -> assertThat(o.counts().skipReasons().keySet())
                .isSubsetOf("INSERT is not a removal"));

        Map<String, ArchiveEntry> archived = archives(table);
        assertThat(archived).containsOnlyKeys(removed.keySet());
        removed.forEach((sk, item) -> {
            assertThat(archived.get(sk).oldImage()).as(sk).isEqualTo(SdkAttributeValues.toItem(item));
            assertThat(archived.get(sk).cause()).as(sk).isEqualTo(DeletionCause.USER);
        });
        assertThat(messagesOnQueue()).as("visible + in flight on the failure queue").isZero();
        assertThat(new DynamoDbAuditLog(aws.dynamoDb(), policyTable).history(ReplayFailuresService.AUDIT_SUBJECT))
                .singleElement().satisfies(r -> assertThat(r.action()).isEqualTo(AuditAction.FAILURES_REPLAYED));
    }

    // ---- fixtures

    /** What the admin API wires, on the emulators: S3 is reached directly, not through the failing proxy. */
    private ReplayFailuresService replayService() {
        return new ReplayFailuresService(new SqsFailureQueue(aws.sqs(), failureQueueUrl, Duration.ofSeconds(1)),
                new DynamoDbStreamReader(aws.dynamoDbStreams()),
                ArchiveChangesService.sequential(policies, new S3ArchiveStore(aws.s3())),
                new DynamoDbAuditLog(aws.dynamoDb(), policyTable), Clock.systemUTC());
    }

    private Map<String, ArchiveEntry> archives(String table) {
        S3ArchiveStore store = new S3ArchiveStore(aws.s3());
        List<S3Object> objects = objects(table);
        List<ArchiveEntry> entries = objects.stream().map(o -> store.read(new ArchiveLocation(BucketName.of(bucket),
                new ObjectKey(o.key()))).orElseThrow()).toList();
        assertThat(entries).as("one object per removal").hasSize(objects.size());
        return entries.stream().collect(Collectors.toMap(e -> e.key().sortKey().orElseThrow().value().asText(), e -> e));
    }

    private List<S3Object> objects(String table) {
        return aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket).prefix(PREFIX + "/" + table + "/")).contents().stream().toList();
    }

    private int messagesOnQueue() {
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(failureQueueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    private void createTable(String table) {
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
    }

    private String streamArnOf(String table) {
        return aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what + "; mapping: " + mapping.stats()
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
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS(sk));
        item.put("total", AttributeValue.fromN("129.90"));
        item.put("status", AttributeValue.fromS("SHIPPED"));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }
}
