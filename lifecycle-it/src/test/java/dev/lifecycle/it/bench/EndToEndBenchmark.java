package dev.lifecycle.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.policy.ArchiveLayout;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.lambda.DeployedFunction;
import dev.lifecycle.it.lambda.InvocationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * End to end on the local emulators (DynamoDB Local, S3Mock), all sharing this machine's cores with the function:
 * <ul>
 *   <li>cold start of the packaged JVM function: from the OS starting its process to the first batch answered,
 *       median of several fresh processes;</li>
 *   <li>records archived per second by the deployed artifact, batch after batch as one shard's mapping invokes it;</li>
 *   <li>beside it, the common hand-written Lambda: parse the event into a tree, then one PUT per record, one after
 *       the other;</li>
 *   <li>and the ceiling the S3 emulator itself sets: bare PUTs of the same size, sequential and from 32 threads.</li>
 * </ul>
 * Run by {@link BenchmarkReport}; prints and returns a Markdown section. It measures, it asserts nothing.
 */
final class EndToEndBenchmark {

    private static final String POLICY_TABLE = "bench-policies";
    private static final String BATCHED_POLICY_TABLE = "bench-policies-batched";
    private static final int ITEM_BYTES = 1024;

    private EndToEndBenchmark() {
    }

    static String run(Path out, int coldStarts, int batches, int batchSize, int baselineRecords) throws IOException {
        try (LocalAws aws = LocalAws.embedded()) {
            DynamoDbPolicyRepository policies = new DynamoDbPolicyRepository(aws.dynamoDb(), POLICY_TABLE);
            policies.createTableIfMissing();
            policies.create(TestPolicies.policy(), TestPolicies.setUpAudit(TestPolicies.policy()));
            String bucket = TestPolicies.BUCKET;
            aws.s3().createBucket(b -> b.bucket(bucket));
            Path logs = out.resolve("function-logs");

            List<Double> colds = new ArrayList<>();
            List<Double> firstInvocations = new ArrayList<>();
            for (int run = 0; run < coldStarts; run++) {
                byte[] event = StreamEvents.ofRecords(1_000_000 + run * 100, 10, ITEM_BYTES, run);
                try (DeployedFunction function = startFunction(aws, logs, Duration.ofMinutes(2))) {
                    Instant processStart = function.process().handle().info().startInstant().orElseThrow();
                    long before = System.nanoTime();
                    requireArchivedWhole(function.runtimeApi().invoke(event), 10);
                    Instant answered = Instant.now();
                    colds.add(Duration.between(processStart, answered).toNanos() / 1e6);
                    firstInvocations.add((System.nanoTime() - before) / 1e6);
                }
            }

            Layout perItem = archiveRate(aws, logs, POLICY_TABLE, bucket, batches, batchSize);
            double oursPerSecond = perItem.recordsPerSecond();
            DynamoDbPolicyRepository batchedPolicies = new DynamoDbPolicyRepository(aws.dynamoDb(), BATCHED_POLICY_TABLE);
            batchedPolicies.createTableIfMissing();
            RetentionPolicy batchedPolicy = ProcessorCpuBenchmark.withLayout(TestPolicies.policy(), ArchiveLayout.BATCHED);
            batchedPolicies.create(batchedPolicy, TestPolicies.setUpAudit(batchedPolicy));
            // Batches are cheap to write: ten times as many records, for a rate measured over more than a blink.
            Layout batched = archiveRate(aws, logs, BATCHED_POLICY_TABLE, bucket, batches * 10, batchSize);
            emptyBucket(aws.s3(), bucket);

            // Each measurement in a bucket of its own: S3Mock's PUTs slow down as a bucket fills.
            S3Client s3 = aws.s3();
            for (String fresh : List.of("bench-baseline", "bench-ceiling-1", "bench-ceiling-32")) {
                s3.createBucket(c -> c.bucket(fresh));
            }
            double baselinePerSecond = baseline(s3, "bench-baseline",
                    StreamEvents.ofRecords(4_000_000, baselineRecords, ITEM_BYTES, 5));
            byte[] body = new byte[1_400];
            java.util.Arrays.fill(body, (byte) 'x');
            int puts = batches * batchSize;
            double sequentialPuts = putRate(aws, "bench-ceiling-1", "ceiling/", body, 1, puts);
            double parallelPuts = putRate(aws, "bench-ceiling-32", "ceiling/", body, 32, puts);

            String report = String.format(Locale.ROOT, """
                    ## End to end on the local emulators

                    Measured %s on %d available processors; DynamoDB Local, S3Mock and the function share them. Items of 1 KB.

                    | measure | value |
                    |---|---|
                    | cold start, process start to first batch (10 records) answered, median of %d | %.0f ms (runs: %s) |
                    | first invocation alone, median | %.0f ms |
                    | deployed function, %d batches of %d records, one after the other | **%.0f records/s** |
                    | hand-written baseline: tree parse, one PUT per record, sequential (%d records) | %.0f records/s |
                    | S3Mock ceiling: %d bare PUTs of 1.4 KB, sequential | %.0f PUT/s |
                    | S3Mock ceiling: %d bare PUTs of 1.4 KB, 32 threads | %.0f PUT/s |
                    | deployed function ÷ baseline | **%.1f×** |
                    | deployed function ÷ 32-thread ceiling | %.0f%% |
                    | deployed function, batched archives, %d batches of %d records | **%.0f records/s** |
                    | batched ÷ baseline | **%.1f×** |

                    What 1,000 removals leave in S3 (the same events, %d records of 1 KB items, TTL and user deletes):

                    | layout | PUTs per 1,000 removals | objects per 1,000 removals | bytes stored per 1,000 removals | of which indexes |
                    |---|---|---|---|---|
                    | per item | %.0f | %.0f | %,.0f | - |
                    | batched | %.1f | %.1f | %,.0f | %,.0f |

                    Every rate is measured writing the same number of objects into an empty bucket: S3Mock's PUTs slow
                    down as a bucket fills (to about 50 PUT/s here once it holds a few thousand objects).
                    One object per archived item means one PUT per item: on this machine the emulator's PUT rate, not the
                    function, bounds the per-item layout. The function's JVM runs as the harness starts it
                    (`-XX:+UseSerialGC -XX:TieredStopAtLevel=1`, see FunctionProcess).
                    """, Instant.now(), Runtime.getRuntime().availableProcessors(), coldStarts, median(colds), format(colds),
                    median(firstInvocations), batches, batchSize, oursPerSecond, baselineRecords, baselinePerSecond,
                    puts, sequentialPuts, puts, parallelPuts, oursPerSecond / baselinePerSecond, 100 * oursPerSecond / parallelPuts,
                    batches * 10, batchSize, batched.recordsPerSecond(), batched.recordsPerSecond() / baselinePerSecond,
                    batches * batchSize, perItem.per1000(perItem.objects()), perItem.per1000(perItem.objects()),
                    perItem.per1000(perItem.bytes()), batched.per1000(batched.objects()), batched.per1000(batched.objects()),
                    batched.per1000(batched.bytes()), batched.per1000(batched.indexBytes()));
            System.out.println(report);
            return report;
        }
    }

    private static DeployedFunction startFunction(LocalAws aws, Path logs, Duration invocationTimeout) {
        return startFunction(aws, logs, invocationTimeout, POLICY_TABLE);
    }

    private static DeployedFunction startFunction(LocalAws aws, Path logs, Duration invocationTimeout, String policyTable) {
        return DeployedFunction.start(DeployedFunction.packagedZip(Path.of("..")), DeployedFunction.ricJars(),
                DeployedFunction.environment(aws, aws.s3Endpoint(), policyTable), logs, invocationTimeout);
    }

    /** A layout's rate, and what the first {@code batchSize × 4} records' worth of its objects take in S3 (every PUT is one object). */
    record Layout(double recordsPerSecond, long records, long objects, long bytes, long indexBytes) {
        double per1000(long count) {
            return count * 1000.0 / records;
        }
    }

    /**
     * The deployed function with the policies of {@code policyTable}: warmed up, then timed over
     * {@code batches} batches into an empty bucket; what is stored is counted after the first
     * four batches, so that both layouts are compared over the same records.
     */
    private static Layout archiveRate(LocalAws aws, Path logs, String policyTable, String bucket, int batches, int batchSize) {
        try (DeployedFunction function = startFunction(aws, logs, Duration.ofMinutes(5), policyTable)) {
            for (int warm = 0; warm < 2; warm++) {
                requireArchivedWhole(function.runtimeApi().invoke(StreamEvents.ofRecords(2_000_000 + warm * batchSize,
                        batchSize, ITEM_BYTES, 99 + warm)), batchSize);
            }
            emptyBucket(aws.s3(), bucket); // every rate below is measured from an empty bucket (see ceilings)
            List<byte[]> events = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                events.add(StreamEvents.ofRecords(3_000_000 + i * batchSize, batchSize, ITEM_BYTES, 7 + i));
            }
            long[] stored = null;
            long start = System.nanoTime();
            long paused = 0;
            for (int i = 0; i < events.size(); i++) {
                requireArchivedWhole(function.runtimeApi().invoke(events.get(i)), batchSize);
                if (i == 3) {
                    long countFrom = System.nanoTime();
                    stored = stored(aws.s3(), bucket);
                    paused = System.nanoTime() - countFrom;
                }
            }
            double perSecond = batches * (double) batchSize / ((System.nanoTime() - start - paused) / 1e9);
            if (stored == null) {
                stored = stored(aws.s3(), bucket);
            }
            return new Layout(perSecond, Math.min(4, batches) * (long) batchSize, stored[0], stored[1], stored[2]);
        }
    }

    /** Objects in the bucket, their bytes, and the bytes of batch indexes among them. */
    private static long[] stored(S3Client s3, String bucket) {
        long[] totals = new long[3];
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            for (var object : page.contents()) {
                totals[0]++;
                totals[1] += object.size();
                if (object.key().endsWith(ArchiveKeys.BATCH_INDEX_EXTENSION)) {
                    totals[2] += object.size();
                }
            }
        }
        return totals;
    }

    /** The common hand-written stream Lambda: a tree of the whole event, then each REMOVE's old image PUT in turn. */
    private static double baseline(S3Client s3, String bucket, byte[] event) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        long start = System.nanoTime();
        JsonNode records = mapper.readTree(event).get("Records");
        int written = 0;
        for (JsonNode record : records) {
            if (!"REMOVE".equals(record.get("eventName").asText())) {
                continue;
            }
            JsonNode stream = record.get("dynamodb");
            String key = "baseline/" + stream.get("Keys").get("pk").get("S").asText() + "/"
                    + stream.get("SequenceNumber").asText() + ".json";
            byte[] body = mapper.writeValueAsBytes(stream.get("OldImage"));
            String checksum = sha256Base64(body);
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/json").checksumSHA256(checksum),
                    RequestBody.fromBytes(body));
            written++;
        }
        return written / ((System.nanoTime() - start) / 1e9);
    }

    private static void emptyBucket(S3Client s3, String bucket) {
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket))) {
            if (!page.contents().isEmpty()) {
                s3.deleteObjects(d -> d.bucket(bucket).delete(del -> del.objects(page.contents().stream()
                        .map(object -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(object.key()).build())
                        .toList())));
            }
        }
    }

    /** Bare PUTs, each thread with its own client (and so its own connections). */
    private static double putRate(LocalAws aws, String bucket, String prefix, byte[] body, int threads, int puts) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        String checksum = sha256Base64(body);
        try {
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    try (S3Client s3 = aws.newS3Client()) {
                        for (int i = next.getAndIncrement(); i < puts; i = next.getAndIncrement()) {
                            String key = prefix + i;
                            s3.putObject(b -> b.bucket(bucket).key(key).checksumSHA256(checksum), RequestBody.fromBytes(body));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return puts / ((System.nanoTime() - start) / 1e9);
        } catch (Exception e) {
            throw new IllegalStateException("the ceiling measurement failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every PUT here carries a precomputed SHA-256, as S3ArchiveStore's do, so that all three send the same kind of request. */
    private static String sha256Base64(byte[] body) {
        return java.util.Base64.getEncoder().encodeToString(ProcessorCpuBenchmark.sha256().digest(body));
    }

    private static void requireArchivedWhole(InvocationResult result, int records) {
        if (!(result instanceof InvocationResult.Response response)
                || !new String(response.body(), StandardCharsets.UTF_8).equals("{\"batchItemFailures\":[]}")) {
            throw new IllegalStateException("a benchmark batch of " + records + " records was not archived whole: " + result);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(List<Double> values) {
        List<String> texts = new ArrayList<>();
        values.forEach(value -> texts.add(String.format(Locale.ROOT, "%.0f", value)));
        return String.join(", ", texts);
    }
}
