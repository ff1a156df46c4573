package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.StorageTier;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a policy needs from its table and bucket, compared with what AWS reports: pure functions, one
 * per setting, in the plan's order TTL, STREAM (with the key schema), LIFECYCLE_RULE, OBJECT_LOCK.
 * Plan, apply and drift all start here.
 */
public final class ConfigurationRules {

    /** The view type the platform enables; OLD_IMAGE would do as well, and an existing one is left alone. */
    public static final StreamViewType STREAM_VIEW_TYPE = StreamViewType.NEW_AND_OLD_IMAGES;

    static final String TTL_HOUR_LIMIT = "DynamoDB accepts one TTL change per table per hour.";

    private ConfigurationRules() {
    }

    /** The differences between the policy and the table and bucket, in order; empty when AWS is up to date. */
    public static List<PlannedChange> plan(RetentionPolicy policy, TableSettings table, BucketSettings bucket) {
        return steps(policy, table, bucket).stream().map(ConfigurationStep::change).toList();
    }

    /** The same differences, each with what apply has to do for it. */
    public static List<ConfigurationStep> steps(RetentionPolicy policy, TableSettings table, BucketSettings bucket) {
        List<ConfigurationStep> steps = new ArrayList<>();
        Optional<ConfigurationStep> keySchema = keySchema(policy, table);
        if (keySchema.isPresent()) {
            // A policy that misreads the table's keys cannot archive its deletions: turning TTL or the stream on would lose data.
            ttl(policy, table).map(step -> blockedByKeySchema(step.change())).ifPresent(steps::add);
            steps.add(keySchema.get());
            stream(policy, table).map(step -> blockedByKeySchema(step.change())).ifPresent(steps::add);
        } else {
            ttl(policy, table).ifPresent(steps::add);
            stream(policy, table).ifPresent(steps::add);
        }
        lifecycleRule(policy, bucket).ifPresent(steps::add);
        objectLock(policy, bucket).ifPresent(steps::add);
        return List.copyOf(steps);
    }

    /** TTL must be ENABLED on the policy's attribute; ENABLING on it counts, since DynamoDB finishes that by itself. */
    public static Optional<ConfigurationStep> ttl(RetentionPolicy policy, TableSettings table) {
        AttributeName wanted = policy.ttlAttribute();
        TtlStatus status = table.ttlStatus();
        Optional<AttributeName> attribute = table.ttlAttribute();
        boolean onWanted = attribute.filter(wanted::equals).isPresent();
        String current = describeTtl(status, attribute);
        String desired = "ENABLED on '" + wanted + "'";
        if ((status == TtlStatus.ENABLED || status == TtlStatus.ENABLING) && onWanted) {
            return Optional.empty();
        }
        if (status == TtlStatus.ENABLING) {
            return Optional.of(new ConfigurationStep.AwaitTtl(ttlChange(table, current, desired,
                    "DynamoDB is still enabling TTL on '" + attribute.map(AttributeName::value).orElse("?")
                            + "' (it takes up to an hour and cannot be interrupted); after that TTL must be disabled there and"
                            + " enabled on '" + wanted + "', one change per hour. Apply reports RATE_LIMITED until then.")));
        }
        if (status == TtlStatus.DISABLING) {
            return Optional.of(new ConfigurationStep.AwaitTtl(ttlChange(table, current, desired,
                    "DynamoDB is still disabling TTL (it takes up to an hour); TTL can be enabled on '" + wanted
                            + "' only after that. Apply reports RATE_LIMITED until then.")));
        }
        if (status == TtlStatus.ENABLED && attribute.isPresent()) {
            return Optional.of(new ConfigurationStep.ReplaceTtl(ttlChange(table, current, desired,
                    "TTL must be disabled on '" + attribute.get() + "', then enabled on '" + wanted + "'. " + TTL_HOUR_LIMIT
                            + " so the second step is refused (RATE_LIMITED) for about an hour after the first: apply again then."
                            + " Meanwhile no item expires."), attribute.get(), wanted));
        }
        return Optional.of(new ConfigurationStep.EnableTtl(ttlChange(table, current, desired,
                "DynamoDB starts deleting items whose '" + wanted + "' (epoch seconds) has passed, typically within 48 hours"
                        + " of expiry. " + TTL_HOUR_LIMIT), wanted));
    }

    /** The table's keys must be the policy's: the archive keys every deletion with them. */
    public static Optional<ConfigurationStep> keySchema(RetentionPolicy policy, TableSettings table) {
        if (policy.keySchema().equals(table.keySchema())) {
            return Optional.empty();
        }
        return Optional.of(new ConfigurationStep.Blocked(new PlannedChange(Target.TABLE, table.table().value(), Setting.STREAM,
                "key schema " + describeKeys(table.keySchema()), "key schema " + describeKeys(policy.keySchema()),
                Feasibility.IMPOSSIBLE,
                "A table's key schema can never change, and the archive reads each deleted item's key with the policy's schema."
                        + " Correct the policy's keys to the table's (or govern another table).")));
    }

    /** The stream must carry old images: OLD_IMAGE or NEW_AND_OLD_IMAGES; an existing one of these is left alone. */
    public static Optional<ConfigurationStep> stream(RetentionPolicy policy, TableSettings table) {
        String resource = table.table().value();
        String desired = "ENABLED with " + STREAM_VIEW_TYPE;
        if (table.stream().isEmpty()) {
            return Optional.of(new ConfigurationStep.EnableStream(new PlannedChange(Target.TABLE, resource, Setting.STREAM,
                    "DISABLED", desired, Feasibility.IN_PLACE,
                    "A new stream starts, with a new stream ARN, and the processor's mapping is made on it (EVENT_SOURCE_MAPPING)."
                            + " Deletions before that are not archived.")));
        }
        TableSettings.StreamSettings stream = table.stream().get();
        if (stream.viewType().includesOldImage()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigurationStep.ReplaceStream(new PlannedChange(Target.TABLE, resource, Setting.STREAM,
                "ENABLED with " + stream.viewType(), desired, Feasibility.NEEDS_CONSENT,
                "A stream's view type cannot be changed: the stream is disabled and a new one enabled, with a new stream ARN."
                        + " The old stream's records stay readable for 24 hours: the processor's mapping on " + stream.streamArn()
                        + " reads them to the end while a new mapping reads the new stream (EVENT_SOURCE_MAPPING). Removals"
                        + " between the disable and the enable (a moment) are in neither stream and are not archived."),
                stream.streamArn()));
    }

    /** The bucket must hold the platform's rule for the policy's archive prefix, exactly; other rules are not looked at. */
    public static Optional<ConfigurationStep> lifecycleRule(RetentionPolicy policy, BucketSettings bucket) {
        Optional<LifecycleRule> wanted = desiredRule(policy);
        Optional<LifecycleRule> current = bucket.rule(policy.lifecycleRuleId());
        if (wanted.equals(current)) {
            return Optional.empty();
        }
        String resource = bucket.bucket().value();
        String currentText = current.map(rule -> "'" + rule.id() + "' " + rule.describe()).orElse("absent");
        if (wanted.isEmpty()) {
            return Optional.of(new ConfigurationStep.RemoveLifecycleRule(new PlannedChange(Target.BUCKET, resource,
                    Setting.LIFECYCLE_RULE, currentText, "absent", Feasibility.IN_PLACE,
                    "The policy has no storage tiers and no archive expiry, so the platform's rule is removed;"
                            + " the bucket's other lifecycle rules are kept as they are."), policy.lifecycleRuleId()));
        }
        LifecycleRule rule = wanted.get();
        return Optional.of(new ConfigurationStep.PutLifecycleRule(new PlannedChange(Target.BUCKET, resource,
                Setting.LIFECYCLE_RULE, currentText, "'" + rule.id() + "' " + rule.describe(), Feasibility.IN_PLACE,
                (current.isPresent() ? "The platform's rule is replaced" : "The platform's rule is added")
                        + "; it applies to archive objects already stored under the prefix as well as new ones."
                        + " The bucket's other lifecycle rules are kept exactly as they are."), rule));
    }

    /** With an object lock in the policy, the bucket must have object lock enabled (retention is set per object). */
    public static Optional<ConfigurationStep> objectLock(RetentionPolicy policy, BucketSettings bucket) {
        if (policy.objectLock().isEmpty() || bucket.objectLockEnabled()) {
            return Optional.empty();
        }
        return Optional.of(new ConfigurationStep.EnableObjectLock(new PlannedChange(Target.BUCKET, bucket.bucket().value(),
                Setting.OBJECT_LOCK, "DISABLED (versioning " + (bucket.versioningEnabled() ? "enabled" : "not enabled") + ")",
                "ENABLED", Feasibility.NEEDS_CONSENT,
                (bucket.versioningEnabled() ? "" : "Versioning is enabled first. ")
                        + "Irreversible: object lock can never be disabled again, and versioning never suspended, on this bucket;"
                        + " every object in it keeps its versions from then on."), bucket.versioningEnabled()));
    }

    /**
     * How long an archive version lives on once it is noncurrent. In a versioned bucket (object lock needs one), an
     * expiration only puts a delete marker over the archive and keeps the data as a noncurrent version; without this
     * the final expiry would never delete anything. The grace also keeps an archive deleted by hand recoverable.
     */
    public static final int NONCURRENT_VERSION_GRACE_DAYS = 30;

    /**
     * The platform's lifecycle rule for the policy: its tiers and archive expiry under {@code <prefix>/<table>/}, and with
     * an expiry, the deletion of expired (noncurrent) versions {@value #NONCURRENT_VERSION_GRACE_DAYS} days later;
     * none without tiers or expiry.
     */
    public static Optional<LifecycleRule> desiredRule(RetentionPolicy policy) {
        if (policy.tiers().isEmpty() && policy.archiveExpiryDays().isEmpty()) {
            return Optional.empty();
        }
        List<LifecycleRule.Transition> transitions = policy.tiers().stream()
                .map(ConfigurationRules::transition).toList();
        return Optional.of(LifecycleRule.of(policy.lifecycleRuleId(), archivePrefix(policy), transitions, policy.archiveExpiryDays(),
                policy.archiveExpiryDays().map(days -> NONCURRENT_VERSION_GRACE_DAYS)));
    }

    /** Where the policy's archive objects live: {@code <prefix>/<table>/} (see ArchiveKeys). */
    public static String archivePrefix(RetentionPolicy policy) {
        return policy.destination().prefix().asDirectory() + policy.table().value() + "/";
    }

    static String describeTtl(TtlStatus status, Optional<AttributeName> attribute) {
        return attribute.map(name -> status + " on '" + name + "'").orElse(status.name());
    }

    static String describeKeys(KeySchema keys) {
        return keys.partitionKeyName() + keys.sortKeyName().map(sort -> " + " + sort).orElse("");
    }

    private static PlannedChange ttlChange(TableSettings table, String current, String desired, String consequence) {
        return new PlannedChange(Target.TABLE, table.table().value(), Setting.TTL, current, desired, Feasibility.IN_PLACE, consequence);
    }

    static ConfigurationStep blockedByKeySchema(PlannedChange change) {
        return new ConfigurationStep.Blocked(new PlannedChange(change.target(), change.resource(), change.setting(), change.current(),
                change.desired(), Feasibility.IMPOSSIBLE, "Not made while the table's key schema differs from the policy's:"
                        + " deletions could not be archived. " + change.consequence()));
    }

    private static LifecycleRule.Transition transition(StorageTier tier) {
        return new LifecycleRule.Transition(tier.storageClass(), tier.afterDays());
    }
}
