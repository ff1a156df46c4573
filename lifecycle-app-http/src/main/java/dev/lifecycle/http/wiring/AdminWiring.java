package dev.lifecycle.http.wiring;

import dev.lifecycle.domain.apply.PolicyConfigurationService;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.cost.BillingClass;
import dev.lifecycle.domain.cost.CostEstimateService;
import dev.lifecycle.domain.cost.PriceTable;
import dev.lifecycle.domain.cost.PriceTable.ClassPrices;
import dev.lifecycle.domain.hold.HoldService;
import dev.lifecycle.domain.hygiene.TtlAuditSettings;
import dev.lifecycle.domain.hygiene.TtlHygieneService;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.ledger.CompletenessService;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.StreamProcessor;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.replay.ReplayFailuresService;
import dev.lifecycle.domain.replay.ReplayFailuresUseCase;
import dev.lifecycle.domain.restore.BoundedRestoreJobs;
import dev.lifecycle.domain.restore.RestoreJobId;
import dev.lifecycle.domain.restore.RestoreService;
import dev.lifecycle.domain.retrieve.ArchiveBrowser;
import dev.lifecycle.http.replay.ReplayNotConfigured;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/** Wires the domain's use cases to the ports. */
public class AdminWiring {

    private static final Logger LOG = Logger.getLogger(AdminWiring.class);

    /** The property behind each field of TtlAuditSettings, for start-up errors. */
    private static final Map<String, String> TTL_AUDIT_PROPERTIES = Map.of(
            "readUnitsPerSecond", "lifecycle.admin.ttl-audit-read-units-per-second",
            "pagesPerSecond", "lifecycle.admin.ttl-audit-pages-per-second",
            "pageSize", "lifecycle.admin.ttl-audit-page-size",
            "maxItems", "lifecycle.admin.ttl-audit-max-items",
            "timeBudget", "lifecycle.admin.ttl-audit-time-budget",
            "samplesPerFinding", "lifecycle.admin.ttl-audit-samples",
            "sweepGrace", "lifecycle.admin.ttl-audit-sweep-grace");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Serves both ManagePoliciesUseCase and ViewPoliciesUseCase (a producer's bean types include its interfaces). */
    @Produces
    @Singleton
    PolicyService policyService(AdminPorts ports, Clock clock) {
        return new PolicyService(ports.loadPolicies(), ports.savePolicies(), ports.auditLog(), clock);
    }

    /**
     * Replay archives through the same use case as the stream processor (its own writer pool), or
     * answers 503 when no failure queue is configured.
     */
    @Produces
    @Singleton
    ReplayFailuresUseCase replay(AdminPorts ports, AdminConfig config, Clock clock) {
        if (ports.failureQueue().isEmpty()) {
            return new ReplayNotConfigured();
        }
        ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, config.replayWriteConcurrency()), runnable -> {
            Thread thread = new Thread(runnable, "replay-archive-writer");
            thread.setDaemon(true);
            return thread;
        });
        ArchiveChangesService archive = new ArchiveChangesService(ports.loadPolicies(), ports.archiveStore(), writers);
        return new ReplayFailuresService(ports.failureQueue().get(), ports.streamReader(), archive, ports.auditLog(), clock);
    }

    /**
     * Serves both ApplyPolicyUseCase and DetectDriftUseCase; built at start-up, so that a processor setting that Lambda
     * would refuse stops it with the property named.
     */
    @Produces
    @Singleton
    @Startup
    PolicyConfigurationService configurationService(AdminPorts ports, AdminConfig config, Clock clock) {
        Optional<StreamProcessor> processor = processor(config.processor());
        if (processor.isEmpty()) {
            LOG.info("lifecycle.admin.processor.function-arn is not set: apply leaves event source mappings to the deployment");
        }
        return new PolicyConfigurationService(ports.loadPolicies(), ports.tables(), ports.buckets(), ports.mappings(), processor,
                ports.statuses(), ports.auditLog(), clock);
    }

    static Optional<StreamProcessor> processor(AdminConfig.Processor p) {
        if (p.functionArn().isEmpty()) {
            return Optional.empty();
        }
        String destination = p.failureDestinationArn().orElseThrow(() -> new IllegalArgumentException(
                "lifecycle.admin.processor.failure-destination-arn is required with lifecycle.admin.processor.function-arn:"
                        + " every mapping sends the records it gives up on to the failure queue (its SQS queue ARN)"));
        if (p.maximumRecordAgeSeconds() > 43_200) {
            throw new IllegalArgumentException("lifecycle.admin.processor.maximum-record-age-seconds must be at most 43200 (12 hours),"
                    + " so that replay has the rest of the stream's 24 hours, was " + p.maximumRecordAgeSeconds());
        }
        try {
            return Optional.of(new StreamProcessor(p.functionArn().get(), new MappingSettings(p.batchSize(), p.batchingWindowSeconds(),
                    p.parallelizationFactor(), p.maximumRetryAttempts(), p.maximumRecordAgeSeconds(), true, true,
                    List.of(MappingSettings.REMOVE_ONLY), Optional.of(destination))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("lifecycle.admin.processor.*: " + e.getMessage(), e);
        }
    }

    /** Serves BrowseArchivesUseCase. */
    @Produces
    @Singleton
    ArchiveBrowser archiveBrowser(AdminPorts ports) {
        return new ArchiveBrowser(ports.loadPolicies(), ports.archives());
    }

    /** Serves ReportCompletenessUseCase. */
    @Produces
    @Singleton
    CompletenessService completenessService(AdminPorts ports, Clock clock) {
        return new CompletenessService(ports.loadPolicies(), ports.ledger(), ports.archives(), clock);
    }

    /** Restore jobs run one at a time, in the order they were asked for, on their own thread. */
    @Produces
    @Singleton
    @Named("restore-jobs")
    ExecutorService restoreExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "restore-jobs");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "a restore job failed outside its own error handling"));
            return thread;
        });
    }

    /** A running job is interrupted at shutdown: it ends ABORTED, and restoring again is safe. */
    void stopRestores(@Disposes @Named("restore-jobs") ExecutorService executor) {
        executor.shutdownNow();
    }

    /** Serves RestoreArchivedItemsUseCase. */
    @Produces
    @Singleton
    RestoreService restoreService(AdminPorts ports, AdminConfig config, @Named("restore-jobs") ExecutorService executor, Clock clock) {
        Throttle throttle = Throttle.perSecond(config.restoreItemsPerSecond(), clock, Throttle.threadSleeper());
        return new RestoreService(ports.loadPolicies(), ports.tables(), ports.archives(), ports.liveItems(),
                new BoundedRestoreJobs(100), ports.auditLog(), throttle, executor, clock,
                () -> new RestoreJobId(UUID.randomUUID().toString()));
    }

    /** Hold enforcement that a placement or a release starts runs here, one run at a time. */
    @Produces
    @Singleton
    @Named("hold-enforcement")
    ExecutorService holdExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hold-enforcement");
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((t, e) -> LOG.errorf(e, "hold enforcement failed; the schedule tries again"));
            return thread;
        });
    }

    void stopHoldEnforcement(@Disposes @Named("hold-enforcement") ExecutorService executor) {
        executor.shutdownNow();
    }

    /** Serves ManageHoldsUseCase and EnforceHoldsUseCase. */
    @Produces
    @Singleton
    HoldService holdService(AdminPorts ports, AdminConfig config, @Named("hold-enforcement") ExecutorService executor, Clock clock) {
        Throttle throttle = Throttle.perSecond(config.holdOperationsPerSecond(), clock, Throttle.threadSleeper());
        return new HoldService(ports.loadPolicies(), ports.holds(), ports.heldTtls(), ports.liveItems(), ports.archives(),
                ports.legalHolds(), ports.tableScans(), throttle, executor, clock);
    }

    /** Serves AuditTtlHygieneUseCase; built at start-up, so that invalid settings stop it with the setting named. */
    @Produces
    @Singleton
    @Startup
    TtlHygieneService ttlHygieneService(AdminPorts ports, AdminConfig config, Clock clock) {
        return new TtlHygieneService(ports.loadPolicies(), ports.tableScans(), ports.ttlAudits(), ttlAuditSettings(config), clock,
                Throttle.threadSleeper());
    }

    static TtlAuditSettings ttlAuditSettings(AdminConfig config) {
        try {
            return new TtlAuditSettings(config.ttlAuditReadUnitsPerSecond(), config.ttlAuditPagesPerSecond(), config.ttlAuditPageSize(),
                    config.ttlAuditMaxItems(), config.ttlAuditTimeBudget(), config.ttlAuditSamples(), config.ttlAuditSweepGrace());
        } catch (IllegalArgumentException e) {
            // The domain names its field first ("pageSize must be..."): say which property that is.
            String field = e.getMessage().split(" ", 2)[0];
            throw new IllegalArgumentException(TTL_AUDIT_PROPERTIES.getOrDefault(field, "lifecycle.admin.ttl-audit-*") + ": "
                    + e.getMessage(), e);
        }
    }

    /** Serves EstimateCostUseCase; built at start-up, so that a price that is not a price stops it with the property named. */
    @Produces
    @Singleton
    @Startup
    CostEstimateService costEstimateService(AdminPorts ports, AdminConfig config) {
        return new CostEstimateService(ports.loadPolicies(), priceTable(config.prices()));
    }

    static PriceTable priceTable(AdminConfig.Prices p) {
        double get = price("s3-get-per-1000", p.s3GetPer1000());
        Map<BillingClass, ClassPrices> classes = new EnumMap<>(BillingClass.class);
        classes.put(BillingClass.STANDARD, new ClassPrices(price("storage-standard", p.storageStandard()), 0, get, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_FREQUENT, new ClassPrices(
                price("storage-intelligent-tiering-frequent", p.storageIntelligentTieringFrequent()),
                price("transition-per-1000-intelligent-tiering", p.transitionPer1000IntelligentTiering()), get, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_INFREQUENT, new ClassPrices(
                price("storage-intelligent-tiering-infrequent", p.storageIntelligentTieringInfrequent()), 0, get, 0, 0));
        classes.put(BillingClass.INTELLIGENT_TIERING_ARCHIVE_INSTANT, new ClassPrices(
                price("storage-intelligent-tiering-archive-instant", p.storageIntelligentTieringArchiveInstant()), 0, get, 0, 0));
        classes.put(BillingClass.STANDARD_IA, new ClassPrices(price("storage-standard-ia", p.storageStandardIa()),
                price("transition-per-1000-standard-ia", p.transitionPer1000StandardIa()),
                price("s3-get-per-1000-standard-ia", p.s3GetPer1000StandardIa()),
                price("retrieval-per-gb-standard-ia", p.retrievalPerGbStandardIa()), 0));
        classes.put(BillingClass.ONEZONE_IA, new ClassPrices(price("storage-onezone-ia", p.storageOnezoneIa()),
                price("transition-per-1000-onezone-ia", p.transitionPer1000OnezoneIa()),
                price("s3-get-per-1000-onezone-ia", p.s3GetPer1000OnezoneIa()),
                price("retrieval-per-gb-onezone-ia", p.retrievalPerGbOnezoneIa()), 0));
        classes.put(BillingClass.GLACIER_IR, new ClassPrices(price("storage-glacier-ir", p.storageGlacierIr()),
                price("transition-per-1000-glacier-ir", p.transitionPer1000GlacierIr()),
                price("s3-get-per-1000-glacier-ir", p.s3GetPer1000GlacierIr()),
                price("retrieval-per-gb-glacier-ir", p.retrievalPerGbGlacierIr()), 0));
        classes.put(BillingClass.GLACIER, new ClassPrices(price("storage-glacier", p.storageGlacier()),
                price("transition-per-1000-glacier", p.transitionPer1000Glacier()), get,
                price("retrieval-per-gb-glacier", p.retrievalPerGbGlacier()),
                price("restore-requests-per-1000-glacier", p.restoreRequestsPer1000Glacier())));
        classes.put(BillingClass.DEEP_ARCHIVE, new ClassPrices(price("storage-deep-archive", p.storageDeepArchive()),
                price("transition-per-1000-deep-archive", p.transitionPer1000DeepArchive()), get,
                price("retrieval-per-gb-deep-archive", p.retrievalPerGbDeepArchive()),
                price("restore-requests-per-1000-deep-archive", p.restoreRequestsPer1000DeepArchive())));
        return new PriceTable(price("s3-put-per-1000", p.s3PutPer1000()), classes,
                price("intelligent-tiering-monitoring-per-1000-objects", p.intelligentTieringMonitoringPer1000Objects()),
                price("lambda-requests-per-million", p.lambdaRequestsPerMillion()),
                price("lambda-gb-second-arm64", p.lambdaGbSecondArm64()), price("lambda-gb-second-x86-64", p.lambdaGbSecondX86()),
                price("dynamodb-writes-per-million", p.dynamoDbWritesPerMillion()),
                price("dynamodb-reads-per-million", p.dynamoDbReadsPerMillion()));
    }

    private static double price(String property, double value) {
        return PriceTable.requirePrice("lifecycle.admin.prices." + property, value);
    }
}
