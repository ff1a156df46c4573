package dev.lifecycle.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.archive.ArchiveJson;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbAuditLog;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.adapters.aws.sqs.SqsFailureQueue;
import dev.lifecycle.adapters.aws.stream.DynamoDbStreamReader;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.replay.MessageOutcome;
import dev.lifecycle.domain.replay.ReplayFailuresCommand;
import dev.lifecycle.domain.replay.ReplayFailuresService;
import dev.lifecycle.domain.replay.ReplayReport;
import dev.lifecycle.domain.replay.StopReason;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.AwsTarget;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import dev.lifecycle.it.faults.FaultInjectingProxy.Fault;
import dev.lifecycle.it.lambda.DeployedFunction;
import dev.lifecycle.it.lambda.EventSourceMapping;
import dev.lifecycle.it.lambda.EventSourceMappingSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fault campaign (issue 6, "Reliability campaigns → Faults"): at least 10,000 removals, TTL
 * expiries by DynamoDB Local's own sweeper and user deletes, on governed tables, archived by the
 * deployed function under the emulated event source mapping while its S3 writes fail at random
 * (503 SlowDown, 500, stalls, answers lost after the write), its process is killed mid-batch and
 * restarted, and its reads of the policy table fail for a while. The mapping retries and bisects;
 * what exhausts its retries goes to the failure queue, and the replay (the admin API's use case)
 * recovers it. Then every removal, read back from the stream itself, must be archived exactly
 * once with the content of its record (checksum computed from the generated item), and nothing
 * may be left on the queue or lost. Seeded ({@code -Dcampaign.seed}); bounded by count.
 */
@ExtendWith(LocalAwsExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultCampaignTest {

    private static final long SEED = Long.getLong("campaign.seed", 20261122L);
    private static final int REMOVALS = Integer.getInteger("campaign.removals", 10_000);
    private static final int TABLES = Integer.getInteger("campaign.tables", 4);
    /**
     * DynamoDB Local's sweeper removes expired items at only about 8 a second (measured: batches of
     * 20 per table, every 10 s or so), so TTL expiries are a small share: about 600 of 10,000.
     */
    private static final double TTL_SHARE = 0.06;
    /** Of the function's object PUTs, this share fails; the SDK's own retries (4 attempts) hide most. */
    private static final double S3_FAULT_RATE = 0.2;
    /** A batch waits for its slowest write: a longer stall only makes the run longer, not harder. */
    private static final Duration STALL = Duration.ofMillis(300);
    /**
     * The product's template sets 3; one retry lets a bounded run give up on batches (failing
     * policy reads for two invocations of a shard, or unlucky S3 writes twice) and so exercise the
     * failure queue and replay, while retries and bisection still run.
     */
    private static final int MAPPING_RETRIES = 1;
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PHASE_WAIT = Duration.ofSeconds(240);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "archive";

    private LocalAws aws;
    private FaultInjectingProxy s3Proxy;
    private FaultInjectingProxy dynamoDbProxy;
    private DeployedFunction function;
    private DynamoDbPolicyRepository policies;
    private String policyTable;
    private String failureQueueUrl;
    private final List<Governed> governed = new ArrayList<>();
    private final List<EventSourceMapping> mappings = new ArrayList<>();

    /** One governed table, its policy and bucket, and what the campaign removed from it. */
    private record Governed(String table, String bucket, RetentionPolicy policy, Map<String, Generated> items) {
    }

    /** An item the campaign wrote and then removed (by TTL or by a user), keyed by its sort key. */
    private record Generated(Map<String, AttributeValue> item, DeletionCause cause) {
    }

    @BeforeAll
    void startPlatform(LocalAws aws) {
        Assumptions.assumeTrue(aws.target() == AwsTarget.EMBEDDED && aws.marksTtlDeletions(),
                "the fault campaign needs the embedded emulators: DynamoDB Local's TTL sweeper and local processes to kill");
        this.aws = aws;
        policyTable = "campaign-policies-" + RUN;
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), policyTable);
        policies.createTableIfMissing();
        failureQueueUrl = aws.sqs().createQueue(b -> b.queueName("campaign-failures-" + RUN)
                .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "120"))).queueUrl();
        s3Proxy = FaultInjectingProxy.start(aws.s3Endpoint(), SEED);
        s3Proxy.stallFor(STALL);
        dynamoDbProxy = FaultInjectingProxy.start(aws.dynamoDbEndpoint(), SEED + 1);
        Map<String, String> environment = new HashMap<>(DeployedFunction.environment(aws, s3Proxy.endpoint(), policyTable));
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamoDbProxy.endpoint().toString());
        // Short enough that a window of failing policy reads reaches every table's lookup.
        environment.put("LIFECYCLE_PROCESSOR_POLICY_CACHE_MAX_AGE", "PT2S");
        function = DeployedFunction.start(DeployedFunction.packagedZip(Path.of("..")), DeployedFunction.ricJars(), environment,
                Path.of("target", "function-logs", "fault-campaign"), INVOCATION_TIMEOUT);
    }

    @AfterAll
    void stopPlatform() {
        mappings.forEach(EventSourceMapping::close);
        if (function != null) {
            function.close();
        }
        if (s3Proxy != null) {
            s3Proxy.close();
        }
        if (dynamoDbProxy != null) {
            dynamoDbProxy.close();
        }
    }

    @Test
    void removalsUnderS3FaultsKillsAndPolicyReadFailures_areEachArchivedOnce_orRecoveredByReplay_andNoneIsLost() throws Exception {
        long begin = System.nanoTime();
        for (int t = 0; t < TABLES; t++) {
            governed.add(govern("campaign-" + t + "-" + RUN));
        }
        s3Proxy.failRandomly(S3_FAULT_RATE, FaultInjectingProxy.objectPuts(),
                Fault.SLOW_DOWN_503, Fault.INTERNAL_ERROR_500, Fault.STALL_AND_DROP, Fault.RESPONSE_LOST);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(this::removeEverything);

        int kills = 0;
        await("10% of the removals handled", () -> handled() >= REMOVALS / 10);
        kills += killMidBatch();
        await("35% of the removals handled", () -> handled() >= REMOVALS * 35 / 100);
        String window = failPolicyReadsUntilABatchIsGivenUp();
        await("60% of the removals handled", () -> handled() >= REMOVALS * 60 / 100);
        kills += killMidBatch();
        producer.join();
        await("every removal handled by the mapping (archived or given up)", () -> handled() >= REMOVALS);
        assertThat(mappings).allSatisfy(m -> assertThat(m.awaitIdle(Duration.ofSeconds(1), PHASE_WAIT)).isTrue());
        long archiving = System.nanoTime();
        s3Proxy.heal();

        List<ReplayReport> replays = replayUntilTheQueueIsEmpty();
        long replayed = System.nanoTime();

        Verdict verdict = verify();
        long verified = System.nanoTime();
        int recovered = replays.stream().mapToInt(r -> r.totals().recovered()).sum();
        int foundArchived = replays.stream().mapToInt(r -> r.totals().alreadyPresent()).sum();
        int replayedRemovals = replays.stream().mapToInt(r -> r.totals().read() - r.totals().skipped()).sum();
        int failureMessages = mappings.stream().mapToInt(m -> m.stats().discardedBatches.get()).sum();
        long givenUpRecords = mappings.stream().mapToLong(m -> m.stats().discardedRecords.get()).sum();
        int onQueue = messagesOnQueue();
        Map<Fault, Integer> s3Faults = new EnumMap<>(Fault.class);
        for (Fault fault : Fault.values()) {
            s3Faults.put(fault, s3Proxy.injectedCount(fault));
        }
        System.out.printf("[campaign] faults (seed %d): %,d removals (%,d TTL, %,d user) on %d tables, %,d archived objects,"
                        + " %,d archived exactly once, %,d recovered by replay (%,d more found archived already),"
                        + " %,d still in the failure queue, %,d lost,"
                        + " %,d keys with differing content, %,d duplicates; %,d S3 faults, %d kills mid-batch, %,d policy-read faults;"
                        + " %,d ms%n",
                SEED, verdict.removals, verdict.ttl, verdict.user, TABLES, verdict.objects, verdict.exactlyOnce, recovered,
                foundArchived, onQueue,
                verdict.lost, verdict.differing, verdict.duplicates, s3Proxy.injectedCount(), kills,
                dynamoDbProxy.injectedCount(), (verified - begin) / 1_000_000);
        System.out.printf("[campaign]   S3 faults by kind: %s; policy reads failed %s%n", s3Faults, window);
        System.out.printf("[campaign]   mapping: %,d batches given up (%,d records) to the failure queue; %s%n",
                failureMessages, givenUpRecords, totalStats());
        for (ReplayReport report : replays) {
            System.out.printf("[campaign]   replay: %s%n", report.summary());
        }
        System.out.printf("[campaign]   phases: archiving %,d ms, replay %,d ms, verification %,d ms%n",
                (archiving - begin) / 1_000_000, (replayed - archiving) / 1_000_000, (verified - replayed) / 1_000_000);

        assertThat(verdict.removals).as("removals read back from the streams").isEqualTo(REMOVALS);
        assertThat(verdict.problems).as("removals not archived exactly once with their record's content").isEmpty();
        assertThat(verdict.lost).isZero();
        assertThat(verdict.differing).isZero();
        assertThat(verdict.duplicates).isZero();
        assertThat(verdict.exactlyOnce).isEqualTo(REMOVALS);
        assertThat(verdict.objects).isEqualTo(REMOVALS);
        assertThat(onQueue).as("messages left on the failure queue").isZero();
        assertThat(replays.get(replays.size() - 1).stopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(replays).flatMap(ReplayReport::outcomes).allSatisfy(o -> assertThat(o).isInstanceOf(MessageOutcome.Replayed.class));
        assertThat(replays).allSatisfy(r -> assertThat(r.totals().lost()).isZero());
        // The faults really happened, and the failure path really ran.
        assertThat(kills).as("kills mid-batch").isPositive();
        assertThat(s3Faults).allSatisfy((fault, count) -> assertThat(count).as(fault.name()).isPositive());
        assertThat(dynamoDbProxy.injectedCount()).as("policy-read faults").isPositive();
        assertThat(failureMessages).as("batches given up to the failure queue").isPositive();
        // Whether a given-up record still needs replay depends on timing: an earlier attempt may have written
        // it (an answer lost after the write), so replay finds it archived. Either way replay accounts for it.
        assertThat(replayedRemovals).as("removals in the replayed ranges").isGreaterThanOrEqualTo((int) givenUpRecords);
        assertThat(recovered + foundArchived).as("replayed removals recovered or found archived").isEqualTo(replayedRemovals);
    }

    // ---- the faults

    /**
     * Waits for an invocation that has started writing to S3, kills the function process under it
     * and starts a new one, as Lambda would. Returns 1: the kill happened mid-batch.
     */
    private int killMidBatch() {
        long deadline = System.nanoTime() + PHASE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            awaitFast("an invocation in flight", () -> function.runtimeApi().inFlightCount() > 0);
            long before = s3Proxy.forwardedCount();
            awaitFast("the invocation writing to S3", () -> s3Proxy.forwardedCount() >= before + 3
                    || function.runtimeApi().inFlightCount() == 0);
            if (function.runtimeApi().inFlightCount() == 0) {
                continue;
            }
            int interrupted = function.crash();
            function.startFunction();
            if (interrupted > 0) {
                return 1;
            }
        }
        throw new AssertionError("no invocation to kill mid-batch within " + PHASE_WAIT);
    }

    /**
     * Every policy read (GetItem through the function's DynamoDB endpoint) fails with a 500 until
     * the mapping has given up on at least one batch because of it; the policy cache is short, so
     * every table's lookups fail. Says how long and how many.
     */
    private String failPolicyReadsUntilABatchIsGivenUp() {
        long start = System.nanoTime();
        int givenUpBefore = mappings.stream().mapToInt(m -> m.stats().discardedBatches.get()).sum();
        dynamoDbProxy.failRandomlyWhere(1.0, FaultInjectingProxy.dynamoDbOperations("GetItem"), Fault.INTERNAL_ERROR_500);
        try {
            await("a batch given up while policy reads fail", () -> dynamoDbProxy.injectedCount() >= 20
                    && mappings.stream().mapToInt(m -> m.stats().discardedBatches.get()).sum() > givenUpBefore);
        } finally {
            dynamoDbProxy.heal();
        }
        return String.format("for %,d ms (%,d reads)", (System.nanoTime() - start) / 1_000_000, dynamoDbProxy.injectedCount());
    }

    // ---- the removals

    private Governed govern(String table) {
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
        aws.dynamoDb().updateTimeToLive(b -> b.tableName(table)
                .timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(true)));
        String bucket = table;
        aws.s3().createBucket(b -> b.bucket(bucket));
        RetentionPolicy policy = TestPolicies.withDestination(TestPolicies.withTable(TestPolicies.draft(), table), bucket, PREFIX)
                .toPolicy(PolicyId.of(table), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        String streamArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        mappings.add(EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), streamArn, aws.region().id(),
                DeployedFunction.FUNCTION_ARN, function.oneAtATime(), EventSourceMappingSettings.recommended(failureQueueUrl)
                        .withMaximumRetryAttempts(MAPPING_RETRIES), Clock.systemUTC()));
        return new Governed(table, bucket, policy, new ConcurrentHashMap<>());
    }

    /**
     * Writes every item, 25 per table at a time; expired ones (TTL in the past) are removed by
     * DynamoDB Local's sweeper, the others are deleted by the campaign right after they are written.
     */
    private void removeEverything() {
        Random random = new Random(SEED);
        long expired = Instant.now().minusSeconds(3_600).getEpochSecond();
        long later = Instant.now().plusSeconds(86_400).getEpochSecond();
        int written = 0;
        for (int chunk = 0; written < REMOVALS; chunk++) {
            for (Governed target : governed) {
                List<Generated> items = new ArrayList<>();
                for (int i = 0; i < 25 && written < REMOVALS; i++, written++) {
                    boolean ttl = random.nextDouble() < TTL_SHARE;
                    Map<String, AttributeValue> item = item(random, chunk * 25 + i, ttl ? expired : later);
                    items.add(new Generated(item, ttl ? DeletionCause.TTL : DeletionCause.USER));
                }
                items.forEach(g -> target.items.put(g.item().get("sk").s(), g));
                write(target.table, items.stream().map(g -> WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(g.item()).build()).build()).toList());
                List<WriteRequest> deletes = items.stream().filter(g -> g.cause() == DeletionCause.USER)
                        .map(g -> WriteRequest.builder().deleteRequest(DeleteRequest.builder()
                                .key(Map.of("pk", g.item().get("pk"), "sk", g.item().get("sk"))).build()).build()).toList();
                if (!deletes.isEmpty()) {
                    write(target.table, deletes);
                }
            }
        }
    }

    private void write(String table, List<WriteRequest> requests) {
        Map<String, List<WriteRequest>> pending = Map.of(table, requests);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> current = pending;
            BatchWriteItemResponse response = aws.dynamoDb().batchWriteItem(b -> b.requestItems(current));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static Map<String, AttributeValue> item(Random random, int index, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS("customer#" + random.nextInt(500)));
        item.put("sk", AttributeValue.fromS(String.format("order-%06d", index)));
        item.put("total", AttributeValue.fromN(random.nextInt(100_000) + "." + String.format("%02d", random.nextInt(100))));
        item.put("status", AttributeValue.fromS(List.of("NEW", "PAID", "SHIPPED", "RETURNED").get(random.nextInt(4))));
        item.put("note", AttributeValue.fromS("n".repeat(random.nextInt(400)) + random.nextLong()));
        item.put("lines", AttributeValue.fromL(List.of(AttributeValue.fromN(Integer.toString(random.nextInt(50))),
                AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("sku-" + random.nextInt(10_000)))))));
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }

    private long handled() {
        return mappings.stream().mapToLong(m -> m.stats().recordsSucceeded.get() + m.stats().discardedRecords.get()).sum();
    }

    // ---- replay, wired as the admin API wires it (AdminWiring: 8 writers): S3 and DynamoDB reached directly, healed

    private List<ReplayReport> replayUntilTheQueueIsEmpty() {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            ReplayFailuresService replay = new ReplayFailuresService(
                    new SqsFailureQueue(aws.sqs(), failureQueueUrl, Duration.ofSeconds(1)),
                    new DynamoDbStreamReader(aws.dynamoDbStreams()),
                    new ArchiveChangesService(policies, new S3ArchiveStore(aws.s3()), writers),
                    new DynamoDbAuditLog(aws.dynamoDb(), policyTable), Clock.systemUTC());
            List<ReplayReport> reports = new ArrayList<>();
            do {
                reports.add(replay.replay(new ReplayFailuresCommand(ReplayFailuresCommand.MAX_BATCHES_LIMIT, "fault-campaign")));
            } while (reports.get(reports.size() - 1).stopReason() == StopReason.LIMIT_REACHED && reports.size() < 10);
            return reports;
        } finally {
            writers.shutdownNow();
        }
    }

    private int messagesOnQueue() {
        Map<QueueAttributeName, String> attributes = aws.sqs().getQueueAttributes(b -> b.queueUrl(failureQueueUrl)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    // ---- the verdict: the streams say what was removed; every removal must have exactly one object with its content

    /** What the archive holds against what the streams say was removed. */
    private static final class Verdict {
        int removals;
        int ttl;
        int user;
        int objects;
        int exactlyOnce;
        int lost;
        int differing;
        int duplicates;
        final List<String> problems = new ArrayList<>();

        void problem(String problem) {
            if (problems.size() < 20) {
                problems.add(problem);
            }
        }
    }

    private Verdict verify() throws Exception {
        Verdict verdict = new Verdict();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try (S3Client s3 = aws.newS3Client()) {
            for (Governed target : governed) {
                verifyTable(target, verdict, s3, readers);
            }
        } finally {
            readers.shutdownNow();
        }
        return verdict;
    }

    private void verifyTable(Governed target, Verdict verdict, S3Client s3, ExecutorService readers) throws Exception {
        TableName table = TableName.of(target.table);
        Map<String, String> expectedSha = new HashMap<>();
        Map<String, String> expectedKey = new HashMap<>();
        for (Record removal : removalsInStream(target.table)) {
            verdict.removals++;
            String sortKey = removal.dynamodb().keys().get("sk").s();
            Generated generated = target.items.get(sortKey);
            if (generated == null) {
                verdict.problem(target.table + ": a removal of an item the campaign never wrote: " + sortKey);
                continue;
            }
            DeletionCause cause = removal.userIdentity() != null ? DeletionCause.TTL : DeletionCause.USER;
            if (cause == DeletionCause.TTL) {
                verdict.ttl++;
            } else {
                verdict.user++;
            }
            if (cause != generated.cause()) {
                verdict.problem(target.table + "/" + sortKey + ": removed as " + cause + ", written for " + generated.cause());
            }
            ItemKey key = ItemKey.fromAttributes(SdkAttributeValues.toDomainAttributes(Map.of("pk", generated.item().get("pk"),
                    "sk", generated.item().get("sk"))), target.policy.keySchema());
            SequenceNumber sequence = SequenceNumber.of(removal.dynamodb().sequenceNumber());
            Instant deletedAt = removal.dynamodb().approximateCreationDateTime();
            ArchiveEntry expected = ArchiveEntry.create(table, key, SdkAttributeValues.toItem(generated.item()), generated.cause(),
                    deletedAt, removal.eventID(), sequence, target.policy.id(), target.policy.version());
            String previous = expectedSha.put(sequence.canonical(), expected.contentSha256());
            if (previous != null) {
                verdict.problem(target.table + ": the stream carries sequence number " + sequence + " twice");
            }
            expectedKey.put(sequence.canonical(), ArchiveKeys.forRecord(target.policy.destination().prefix(), table, deletedAt, key,
                    sequence).value());
        }
        if (expectedSha.size() != target.items.size()) {
            verdict.problem(target.table + ": " + target.items.size() + " items written and removed, " + expectedSha.size()
                    + " removals in the stream");
        }
        List<S3Object> objects = aws.s3().listObjectsV2Paginator(b -> b.bucket(target.bucket).prefix(PREFIX + "/" + target.table + "/"))
                .contents().stream().toList();
        verdict.objects += objects.size();
        Map<String, AtomicInteger> objectsPerSequence = new ConcurrentHashMap<>();
        List<CompletableFuture<String>> checks = new ArrayList<>();
        for (S3Object object : objects) {
            String name = object.key().substring(object.key().lastIndexOf('/') + 1);
            String sequence = name.endsWith(ArchiveKeys.EXTENSION) ? name.substring(0, name.length() - ArchiveKeys.EXTENSION.length()) : name;
            objectsPerSequence.computeIfAbsent(sequence, s -> new AtomicInteger()).incrementAndGet();
            checks.add(CompletableFuture.supplyAsync(() -> check(s3, target.bucket, object.key(), sequence, expectedSha, expectedKey),
                    readers));
        }
        for (CompletableFuture<String> check : checks) {
            String problem = check.get();
            if (problem != null) {
                verdict.differing++;
                verdict.problem(target.table + ": " + problem);
            }
        }
        for (String sequence : expectedSha.keySet()) {
            int count = objectsPerSequence.getOrDefault(sequence, new AtomicInteger()).get();
            if (count == 0) {
                verdict.lost++;
                verdict.problem(target.table + ": removal " + sequence + " has no archive object (lost)");
            } else if (count == 1) {
                verdict.exactlyOnce++;
            } else {
                verdict.duplicates++;
                verdict.problem(target.table + ": removal " + sequence + " archived " + count + " times");
            }
        }
    }

    /** Null if the object at {@code key} holds exactly its record's content, under its record's key; else what is wrong. */
    private static String check(S3Client s3, String bucket, String key, String sequence, Map<String, String> expectedSha,
                                Map<String, String> expectedKey) {
        String sha = expectedSha.get(sequence);
        if (sha == null) {
            return key + " is the archive of no removal in the stream";
        }
        if (!key.equals(expectedKey.get(sequence))) {
            return key + " is not where its record belongs, " + expectedKey.get(sequence);
        }
        ResponseBytes<GetObjectResponse> object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        ArchiveEntry entry;
        try {
            entry = ArchiveJson.read(object.asByteArray(), key);
        } catch (RuntimeException e) {
            return key + " is unreadable: " + e.getMessage();
        }
        if (!entry.sequenceNumber().canonical().equals(sequence)) {
            return key + " holds record " + entry.sequenceNumber() + ", not " + sequence;
        }
        if (!sha.equals(entry.contentSha256())) {
            return key + " holds content " + entry.contentSha256() + ", its record's is " + sha;
        }
        if (!sha.equals(object.response().metadata().get(ArchiveJson.METADATA_CONTENT_SHA256))) {
            return key + " says its content is " + object.response().metadata().get(ArchiveJson.METADATA_CONTENT_SHA256)
                    + ", its record's is " + sha;
        }
        return null;
    }

    /** Every REMOVE record of the table's stream, read from each shard's start: what really was removed. */
    private List<Record> removalsInStream(String table) {
        String streamArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String exclusiveStart = start;
            var description = aws.dynamoDbStreams().describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(exclusiveStart))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        List<Record> removals = new ArrayList<>();
        for (Shard shard : shards) {
            String iterator = aws.dynamoDbStreams().getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                    .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
            int emptyPages = 0;
            while (iterator != null && emptyPages < 3) {
                String current = iterator;
                GetRecordsResponse page = aws.dynamoDbStreams().getRecords(b -> b.shardIterator(current).limit(1000));
                emptyPages = page.records().isEmpty() ? emptyPages + 1 : 0;
                page.records().stream().filter(r -> r.eventName() == OperationType.REMOVE).forEach(removals::add);
                iterator = page.nextShardIterator();
            }
        }
        return removals;
    }

    // ---- waiting

    private String totalStats() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (EventSourceMapping mapping : mappings) {
            EventSourceMapping.Stats stats = mapping.stats();
            totals.merge("invocations", (long) stats.invocations.get(), Long::sum);
            totals.merge("partialFailures", (long) stats.partialFailures.get(), Long::sum);
            totals.merge("functionErrors", (long) stats.functionErrors.get(), Long::sum);
            totals.merge("bisections", (long) stats.bisections.get(), Long::sum);
            totals.merge("retries", (long) stats.retries.get(), Long::sum);
            totals.merge("shardErrors", (long) stats.shardErrors.get(), Long::sum);
        }
        return totals.toString();
    }

    private void await(String what, BooleanSupplier condition) {
        awaitEvery(what, condition, 200);
    }

    private void awaitFast(String what, BooleanSupplier condition) {
        awaitEvery(what, condition, 2);
    }

    private void awaitEvery(String what, BooleanSupplier condition, long pollMillis) {
        long deadline = System.nanoTime() + PHASE_WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + PHASE_WAIT + " waiting until " + what + "; handled " + handled()
                        + " of " + REMOVALS + "; mapping " + totalStats() + "; function log " + function.currentLog());
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
