package dev.lifecycle.http.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Settings of the admin API ({@code lifecycle.admin.*}); see docs/configuration.md. */
@ConfigMapping(prefix = "lifecycle.admin")
public interface AdminConfig {

    /** The DynamoDB table that holds policies, their audit trail and their drift status. */
    @WithDefault("lifecycle-policies")
    String policyTable();

    /** Create the policy table at start-up when it is missing (local use; in AWS the template creates it). */
    @WithDefault("false")
    boolean createPolicyTable();

    /** The largest request body accepted, in bytes; larger ones get 413. */
    @WithDefault("65536")
    int maxRequestBytes();

    /** How often every policy is compared with AWS (a duration such as 15m or PT15M; "off" disables the job). */
    @WithDefault("15m")
    String driftCheckInterval();

    /** How long after start-up the first drift check runs. */
    @WithDefault("30s")
    String driftCheckDelay();

    /** How often every legal hold is enforced (a duration such as 5m or PT5M; "off" disables the job). */
    @WithDefault("5m")
    String holdEnforcementInterval();

    /** How long after start-up the first scheduled hold enforcement runs. */
    @WithDefault("20s")
    String holdEnforcementDelay();

    /** How many DynamoDB and S3 requests a second hold enforcement makes, at most. */
    @WithDefault("50")
    double holdOperationsPerSecond();

    /** How many items a second restore jobs read and write, at most (one read and one conditional put each). */
    @WithDefault("50")
    double restoreItemsPerSecond();

    /** How often every policy's table is audited for TTL hygiene (a duration such as 24h or PT24H; "off" disables the job). */
    @WithDefault("24h")
    String ttlAuditInterval();

    /** How long after start-up the first scheduled TTL audit runs. */
    @WithDefault("10m")
    String ttlAuditDelay();

    /** The read capacity a TTL audit may consume, in read units per second (DynamoDB's own ConsumedCapacity). */
    @WithDefault("50")
    double ttlAuditReadUnitsPerSecond();

    /** The Scan pages a TTL audit may read per second, whatever they cost. */
    @WithDefault("10")
    double ttlAuditPagesPerSecond();

    /** The Limit of each Scan page of a TTL audit (items per page). */
    @WithDefault("100")
    int ttlAuditPageSize();

    /** The most items one TTL audit reads; it stops there and says so. */
    @WithDefault("1000000")
    long ttlAuditMaxItems();

    /** The longest one TTL audit runs; it stops there and says so. */
    @WithDefault("30m")
    Duration ttlAuditTimeBudget();

    /** How many item keys a TTL audit report keeps per finding. */
    @WithDefault("10")
    int ttlAuditSamples();

    /** How long after its TTL an item may still be there before the audit counts it as not swept (DynamoDB: typically within 48 hours). */
    @WithDefault("48h")
    Duration ttlAuditSweepGrace();
    /**
     * The URL of the stream processor's on-failure SQS queue, which replay reads; without it,
     * {@code POST /api/v1/replays} answers 503.
     */
    Optional<String> failureQueueUrl();

    /** An SQS endpoint to use instead of AWS's (an emulator); region and credentials are the DynamoDB client's. */
    Optional<URI> sqsEndpointOverride();

    /** A Lambda endpoint to use instead of AWS's (the local control plane); region and credentials are the DynamoDB client's. */
    Optional<URI> lambdaEndpointOverride();

    /**
     * The stream processor that apply connects each policy's table to (lifecycle.admin.processor.*). Without a
     * function ARN, plan, apply and drift leave event source mappings to the deployment.
     */
    Processor processor();

    /** The processor's function and the settings of every mapping to it; see docs/configuration.md. */
    interface Processor {

        /** The function ARN mappings invoke, best an alias (arn:aws:lambda:REGION:ACCOUNT:function:NAME:ALIAS). */
        Optional<String> functionArn();

        /** The ARN of the SQS queue that mappings send the metadata of records they give up on to (replay reads it). */
        Optional<String> failureDestinationArn();

        /** Most records in one invocation, unless a policy sets streamBatchSize (1 to 10000; Lambda also caps a batch at 6 MB). */
        @WithDefault("1000")
        int batchSize();

        /** How long a mapping gathers records before it invokes, unless a policy sets streamBatchingWindowSeconds (0 to 300). */
        @WithDefault("5")
        int batchingWindowSeconds();

        /** Concurrent batches per shard (1 to 10; order per item key is kept). */
        @WithDefault("1")
        int parallelizationFactor();

        /** Retries of a failing batch before its sequence range goes to the failure queue (0 to 10000). */
        @WithDefault("10")
        int maximumRetryAttempts();

        /** Records older than this go to the failure queue instead of being retried (60 to 43200: replay needs the rest of the 24 hours). */
        @WithDefault("3600")
        int maximumRecordAgeSeconds();
    }

    /** How long one receive from the failure queue waits for a message (long polling; 1 to 20 seconds). */
    @WithDefault("2s")
    Duration failureQueueWait();

    /** How many archive objects of one replayed batch are written at once. */
    @WithDefault("8")
    int replayWriteConcurrency();

    /** The list prices cost estimates use (lifecycle.admin.prices.*), in US dollars; defaults: us-east-1, late 2026. */
    Prices prices();

    /** The price table of cost estimates; docs/configuration.md lists each price and where it comes from. */
    interface Prices {

        /** S3 PUT requests, per 1,000. */
        @WithName("s3-put-per-1000")
        @WithDefault("0.005")
        double s3PutPer1000();

        /** S3 GET requests in STANDARD, INTELLIGENT_TIERING, GLACIER and DEEP_ARCHIVE, per 1,000. */
        @WithName("s3-get-per-1000")
        @WithDefault("0.0004")
        double s3GetPer1000();

        /** S3 GET requests in STANDARD_IA, per 1,000. */
        @WithName("s3-get-per-1000-standard-ia")
        @WithDefault("0.001")
        double s3GetPer1000StandardIa();

        /** S3 GET requests in ONEZONE_IA, per 1,000. */
        @WithName("s3-get-per-1000-onezone-ia")
        @WithDefault("0.001")
        double s3GetPer1000OnezoneIa();

        /** S3 GET requests in GLACIER_IR, per 1,000. */
        @WithName("s3-get-per-1000-glacier-ir")
        @WithDefault("0.01")
        double s3GetPer1000GlacierIr();

        /** Storage in STANDARD, per GB-month. */
        @WithName("storage-standard")
        @WithDefault("0.023")
        double storageStandard();

        /** Storage in Intelligent-Tiering's frequent access tier, per GB-month. */
        @WithName("storage-intelligent-tiering-frequent")
        @WithDefault("0.023")
        double storageIntelligentTieringFrequent();

        /** Storage in Intelligent-Tiering's infrequent access tier, per GB-month. */
        @WithName("storage-intelligent-tiering-infrequent")
        @WithDefault("0.0125")
        double storageIntelligentTieringInfrequent();

        /** Storage in Intelligent-Tiering's archive instant access tier, per GB-month. */
        @WithName("storage-intelligent-tiering-archive-instant")
        @WithDefault("0.004")
        double storageIntelligentTieringArchiveInstant();

        /** Storage in STANDARD_IA, per GB-month. */
        @WithName("storage-standard-ia")
        @WithDefault("0.0125")
        double storageStandardIa();

        /** Storage in ONEZONE_IA, per GB-month. */
        @WithName("storage-onezone-ia")
        @WithDefault("0.01")
        double storageOnezoneIa();

        /** Storage in GLACIER_IR, per GB-month. */
        @WithName("storage-glacier-ir")
        @WithDefault("0.004")
        double storageGlacierIr();

        /** Storage in GLACIER (Flexible Retrieval), per GB-month. */
        @WithName("storage-glacier")
        @WithDefault("0.0036")
        double storageGlacier();

        /** Storage in DEEP_ARCHIVE, per GB-month. */
        @WithName("storage-deep-archive")
        @WithDefault("0.00099")
        double storageDeepArchive();

        /** Intelligent-Tiering monitoring and automation, per 1,000 objects a month. */
        @WithName("intelligent-tiering-monitoring-per-1000-objects")
        @WithDefault("0.0025")
        double intelligentTieringMonitoringPer1000Objects();

        /** Lifecycle transitions into INTELLIGENT_TIERING, per 1,000. */
        @WithName("transition-per-1000-intelligent-tiering")
        @WithDefault("0.01")
        double transitionPer1000IntelligentTiering();

        /** Lifecycle transitions into STANDARD_IA, per 1,000. */
        @WithName("transition-per-1000-standard-ia")
        @WithDefault("0.01")
        double transitionPer1000StandardIa();

        /** Lifecycle transitions into ONEZONE_IA, per 1,000. */
        @WithName("transition-per-1000-onezone-ia")
        @WithDefault("0.01")
        double transitionPer1000OnezoneIa();

        /** Lifecycle transitions into GLACIER_IR, per 1,000. */
        @WithName("transition-per-1000-glacier-ir")
        @WithDefault("0.02")
        double transitionPer1000GlacierIr();

        /** Lifecycle transitions into GLACIER, per 1,000. */
        @WithName("transition-per-1000-glacier")
        @WithDefault("0.03")
        double transitionPer1000Glacier();

        /** Lifecycle transitions into DEEP_ARCHIVE, per 1,000. */
        @WithName("transition-per-1000-deep-archive")
        @WithDefault("0.05")
        double transitionPer1000DeepArchive();

        /** Data retrieved from STANDARD_IA, per GB. */
        @WithName("retrieval-per-gb-standard-ia")
        @WithDefault("0.01")
        double retrievalPerGbStandardIa();

        /** Data retrieved from ONEZONE_IA, per GB. */
        @WithName("retrieval-per-gb-onezone-ia")
        @WithDefault("0.01")
        double retrievalPerGbOnezoneIa();

        /** Data retrieved from GLACIER_IR, per GB. */
        @WithName("retrieval-per-gb-glacier-ir")
        @WithDefault("0.03")
        double retrievalPerGbGlacierIr();

        /** Data restored from GLACIER with Standard retrieval, per GB. */
        @WithName("retrieval-per-gb-glacier")
        @WithDefault("0.01")
        double retrievalPerGbGlacier();

        /** Data restored from DEEP_ARCHIVE with Standard retrieval, per GB. */
        @WithName("retrieval-per-gb-deep-archive")
        @WithDefault("0.02")
        double retrievalPerGbDeepArchive();

        /** Restore requests from GLACIER (Standard retrieval), per 1,000. */
        @WithName("restore-requests-per-1000-glacier")
        @WithDefault("0.05")
        double restoreRequestsPer1000Glacier();

        /** Restore requests from DEEP_ARCHIVE (Standard retrieval), per 1,000. */
        @WithName("restore-requests-per-1000-deep-archive")
        @WithDefault("0.10")
        double restoreRequestsPer1000DeepArchive();

        /** Lambda requests, per million. */
        @WithName("lambda-requests-per-million")
        @WithDefault("0.20")
        double lambdaRequestsPerMillion();

        /** Lambda duration on arm64, per GB-second. */
        @WithName("lambda-gb-second-arm64")
        @WithDefault("0.0000133334")
        double lambdaGbSecondArm64();

        /** Lambda duration on x86_64, per GB-second. */
        @WithName("lambda-gb-second-x86-64")
        @WithDefault("0.0000166667")
        double lambdaGbSecondX86();

        /** DynamoDB on-demand write request units, per million. */
        @WithName("dynamodb-writes-per-million")
        @WithDefault("0.625")
        double dynamoDbWritesPerMillion();

        /** DynamoDB on-demand read request units, per million. */
        @WithName("dynamodb-reads-per-million")
        @WithDefault("0.125")
        double dynamoDbReadsPerMillion();
    }
}
