package dev.lifecycle.http.wiring;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import io.smallrye.config.WithDefault;

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
