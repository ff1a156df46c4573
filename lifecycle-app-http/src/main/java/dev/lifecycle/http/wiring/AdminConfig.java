package dev.lifecycle.http.wiring;

import io.smallrye.config.ConfigMapping;
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

    /** How many items a second restore jobs read and write, at most (one read and one conditional put each). */
    @WithDefault("50")
    double restoreItemsPerSecond();
}
