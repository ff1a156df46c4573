package dev.lifecycle.http.wiring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
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

    /** How long one receive from the failure queue waits for a message (long polling; 1 to 20 seconds). */
    @WithDefault("2s")
    Duration failureQueueWait();

    /** How many archive objects of one replayed batch are written at once. */
    @WithDefault("8")
    int replayWriteConcurrency();
}
