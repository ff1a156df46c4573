package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.table.AttributeName;
import java.util.Optional;

/**
 * A planned change together with what apply must do for it. The rules produce steps; the plan shows
 * their changes; apply performs them. One source for both, so plan and apply cannot disagree.
 */
public sealed interface ConfigurationStep {

    PlannedChange change();

    /** TTL is disabled: enable it on the attribute. */
    record EnableTtl(PlannedChange change, AttributeName attribute) implements ConfigurationStep {
    }

    /** TTL is enabled on another attribute: disable it there, then enable it on the policy's. */
    record ReplaceTtl(PlannedChange change, AttributeName from, AttributeName to) implements ConfigurationStep {
    }

    /** DynamoDB is still enabling or disabling TTL: nothing can be done until it has finished. */
    record AwaitTtl(PlannedChange change) implements ConfigurationStep {
    }

    /** The table has no stream: enable one with both images. */
    record EnableStream(PlannedChange change) implements ConfigurationStep {
    }

    /** The stream lacks the old image: disable it and enable a new one with both images. */
    record ReplaceStream(PlannedChange change, String oldStreamArn) implements ConfigurationStep {
    }

    /** Add or replace the platform's lifecycle rule. */
    record PutLifecycleRule(PlannedChange change, LifecycleRule rule) implements ConfigurationStep {
    }

    /** The policy needs no lifecycle rule: remove the platform's. */
    record RemoveLifecycleRule(PlannedChange change, String ruleId) implements ConfigurationStep {
    }

    /** Enable versioning (unless it is) and then object lock. */
    record EnableObjectLock(PlannedChange change, boolean versioningEnabled) implements ConfigurationStep {
    }

    /**
     * Connect the table's stream to the processor. Without a stream ARN, the stream is the one this apply
     * enables or replaces: apply reads the table again once the stream steps are done.
     */
    record CreateMapping(PlannedChange change, Optional<String> streamArn, MappingSettings settings) implements ConfigurationStep {
    }

    /** Give the mapping the processor's function, the desired settings, and enable it. */
    record UpdateMapping(PlannedChange change, String mappingId, MappingSettings settings) implements ConfigurationStep {
    }

    /** Delete a mapping: a second one of the processor on the same stream, or one whose replaced stream has aged out. */
    record RemoveMapping(PlannedChange change, String mappingId) implements ConfigurationStep {
    }

    /** A change that cannot be made; its consequence says why. */
    record Blocked(PlannedChange change) implements ConfigurationStep {
    }
}
