package dev.lifecycle.it.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.adapters.aws.archive.ArchiveJson;
import dev.lifecycle.adapters.aws.archive.BatchArchiveFormat;
import dev.lifecycle.domain.archive.ArchivalDecision;
import dev.lifecycle.domain.archive.ArchiveBatch;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.StoreArchivePort;
import dev.lifecycle.domain.archive.StoreOutcome;
import dev.lifecycle.domain.ledger.LedgerRecorder;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.CachingPolicyLoader;
import dev.lifecycle.domain.policy.ArchiveDestination;
import dev.lifecycle.domain.policy.ArchiveLayout;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.lambda.StreamBatchHandler;
import dev.lifecycle.lambda.StreamBatchProcessor;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stream processor's CPU path with S3 left out, on one thread: the deployed handler decodes a Lambda stream
 * event, decides each record against the policy, builds and serializes every archive entry with its object metadata
 * and SHA-256 (what S3ArchiveStore hands the SDK), counts the batch in an in-memory ledger, and writes its answer.
 * Beside it, in the same run, the floor of doing nothing useful: parse the event into a Jackson tree, write the tree
 * back out and SHA-256 it. Run by {@link BenchmarkReport}, which turns the times into MB/s, records/s and bytes
 * allocated per record.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:ActiveProcessorCount=1", "-Xms1g", "-Xmx1g"})
public class ProcessorCpuBenchmark {

    /** "1024": items of 1 KB; "40960": items of 40 KB. */
    @Param({"1024", "40960"})
    public int itemBytes;

    /** "100": a batch of 100 records; "6MB": the largest batch Lambda delivers (6 MB of event). */
    @Param({"100", "6MB"})
    public String batch;

    /** How the archive is laid out: one object per record, or one compressed batch object and its index per (day, cause). */
    @Param({"PER_ITEM", "BATCHED"})
    public String layout;

    byte[] event;
    int records;
    StreamBatchHandler handler;
    ObjectMapper mapper;
    SerializingStore store;

    @Setup
    public void setUp() {
        event = StreamEvents.forBenchmark(batch, itemBytes);
        records = StreamEvents.recordCount(event);
        RetentionPolicy policy = withLayout(TestPolicies.policy(), ArchiveLayout.valueOf(layout));
        InMemoryPolicyRepository repository = new InMemoryPolicyRepository();
        repository.add(policy);
        // As ProcessorWiring does: one cached policy lookup per batch.
        LoadPolicyPort policies = new CachingPolicyLoader(repository, Clock.systemUTC(), Duration.ofMinutes(1));
        store = new SerializingStore();
        StreamBatchProcessor processor = new StreamBatchProcessor(ArchiveChangesService.sequential(policies, store),
                Optional.of(new LedgerRecorder(policies, new InMemoryLedger(), Clock.systemUTC())));
        handler = new StreamBatchHandler(processor);
        mapper = new ObjectMapper();
        ProcessorCheck.requireEveryRecordArchived(this);
    }

    /** The deployed handler, S3 excluded. */
    @Benchmark
    public byte[] processor() throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream(64);
        handler.handleRequest(new ByteArrayInputStream(event), answer, null);
        return answer.toByteArray();
    }

    /** The floor: a Jackson tree of the event, written back out and hashed. */
    @Benchmark
    public void treeFloor(Blackhole hole) throws IOException {
        JsonNode tree = mapper.readTree(event);
        byte[] out = mapper.writeValueAsBytes(tree);
        hole.consume(sha256().digest(out));
    }

    static RetentionPolicy withLayout(RetentionPolicy policy, ArchiveLayout layout) {
        return new RetentionPolicy(policy.id(), policy.version(), policy.table(), policy.keySchema(), policy.ttlAttribute(),
                policy.retention(), policy.clockStart(), policy.archivedCauses(),
                new ArchiveDestination(policy.destination().bucket(), policy.destination().prefix(), layout), policy.tiers(),
                policy.archiveExpiryDays(), policy.objectLock(), policy.keyFilter(), policy.locked());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What S3ArchiveStore computes before its PUT (body, metadata, SHA-256 checksum), then dropped. */
    static final class SerializingStore implements StoreArchivePort {
        long objects;
        long entries;
        long bytes;

        @Override
        public StoreOutcome store(ArchivalDecision.Archive archive) {
            byte[] body = ArchiveJson.write(archive.entry());
            Map<String, String> metadata = ArchiveJson.objectMetadata(archive.entry());
            String checksum = Base64.getEncoder().encodeToString(sha256().digest(body));
            objects++;
            entries++;
            bytes += body.length + metadata.size() + checksum.length() + archive.location().key().value().length();
            return new StoreOutcome.Stored();
        }

        @Override
        public StoreOutcome storeBatch(ArchiveBatch batch) {
            BatchArchiveFormat.Encoded encoded = BatchArchiveFormat.encode(batch);
            Map<String, String> metadata = BatchArchiveFormat.objectMetadata(batch);
            String checksum = Base64.getEncoder().encodeToString(sha256().digest(encoded.data()));
            String indexChecksum = Base64.getEncoder().encodeToString(sha256().digest(encoded.index()));
            objects += 2;
            entries += batch.entries().size();
            bytes += encoded.data().length + encoded.index().length + metadata.size() + checksum.length() + indexChecksum.length();
            return new StoreOutcome.Stored();
        }
    }

    /** Refuses to measure a run in which records were skipped or failed: that would measure the wrong path. */
    static final class ProcessorCheck {
        private ProcessorCheck() {
        }

        static void requireEveryRecordArchived(ProcessorCpuBenchmark state) {
            try {
                long before = state.store.entries;
                String answer = new String(state.processor(), StandardCharsets.UTF_8);
                long archived = state.store.entries - before;
                if (!answer.equals("{\"batchItemFailures\":[]}") || archived != state.records) {
                    throw new IllegalStateException("the benchmark batch is not archived whole: " + archived + " of "
                            + state.records + " records archived, answer " + answer);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
