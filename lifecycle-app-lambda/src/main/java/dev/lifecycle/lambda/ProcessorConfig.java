package dev.lifecycle.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Configuration of the stream processor ({@code lifecycle.processor.*}, or {@code LIFECYCLE_PROCESSOR_*} variables). */
@ConfigMapping(prefix = "lifecycle.processor")
public interface ProcessorConfig {

    /** The DynamoDB table that holds the retention policies (the admin API writes it). */
    @WithDefault("lifecycle-policies")
    String policyTable();

    /** How long a table's policy is reused before it is read again; a policy change takes effect within this time. */
    @WithDefault("PT1M")
    Duration policyCacheMaxAge();

    /** How many archive objects of one batch are written at the same time (S3 latency dominates). */
    @WithDefault("16")
    int writeConcurrency();

    /**
     * Whether each batch is counted in the completeness ledger (one UpdateItem per day and cause
     * per batch, in the policy table). Off, completeness reports show what the processor archives
     * as UNACCOUNTED_OBJECTS.
     */
    @WithDefault("true")
    boolean ledgerEnabled();
}
