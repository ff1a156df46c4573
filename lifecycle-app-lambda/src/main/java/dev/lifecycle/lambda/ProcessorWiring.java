package dev.lifecycle.lambda;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbLedger;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.ledger.LedgerRecorder;
import dev.lifecycle.domain.ledger.RecordInLedgerUseCase;
import dev.lifecycle.domain.policy.CachingPolicyLoader;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Wires the domain's archive use case to the AWS adapters, from configuration. */
public class ProcessorWiring {

    /** The bounded pool that writes one batch's archive objects concurrently. */
    public static final class ArchiveWriters {
        final ExecutorService pool;

        ArchiveWriters(int size) {
            AtomicInteger count = new AtomicInteger();
            this.pool = Executors.newFixedThreadPool(size, runnable -> {
                Thread thread = new Thread(runnable, "archive-writer-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    @Produces
    @Singleton
    ArchiveWriters archiveWriters(ProcessorConfig config) {
        if (config.writeConcurrency() < 1) {
            throw new IllegalArgumentException("lifecycle.processor.write-concurrency must be at least 1, was "
                    + config.writeConcurrency());
        }
        return new ArchiveWriters(config.writeConcurrency());
    }

    void stopWriters(@Disposes ArchiveWriters writers) {
        writers.pool.shutdown();
    }

    @Produces
    @Singleton
    StreamBatchProcessor processor(DynamoDbClient dynamoDb, S3Client s3, ArchiveWriters writers, ProcessorConfig config) {
        DynamoDbPolicyRepository policies = new DynamoDbPolicyRepository(dynamoDb, config.policyTable());
        CachingPolicyLoader cached = new CachingPolicyLoader(policies, Clock.systemUTC(), config.policyCacheMaxAge());
        // The ledger reads the TTL attribute through the same cache: no extra policy read per batch.
        Optional<RecordInLedgerUseCase> ledger = config.ledgerEnabled()
                ? Optional.of(new LedgerRecorder(cached, new DynamoDbLedger(dynamoDb, config.policyTable()), Clock.systemUTC()))
                : Optional.empty();
        return new StreamBatchProcessor(new ArchiveChangesService(cached, new S3ArchiveStore(s3), writers.pool), ledger);
    }
}
