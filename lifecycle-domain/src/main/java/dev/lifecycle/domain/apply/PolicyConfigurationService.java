package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import dev.lifecycle.domain.bucket.BucketConfigurationPort;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.mapping.StreamMappingPort;
import dev.lifecycle.domain.mapping.StreamProcessor;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.policy.PolicyVersionConflictException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableConfigurationPort;
import dev.lifecycle.domain.table.TableConfigurationPort.TtlChangeOutcome;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.table.TableSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plan, apply and drift: compares a policy with its table and bucket through {@link ConfigurationRules}
 * and with the event source mapping of its table's stream to the processor through {@link MappingRules},
 * performs the changes it may, audits what it did, and keeps each policy's last drift report.
 */
public final class PolicyConfigurationService implements ApplyPolicyUseCase, DetectDriftUseCase {

    static final int PAGE_SIZE = 100;

    private final LoadPolicyPort policies;
    private final TableConfigurationPort tables;
    private final BucketConfigurationPort buckets;
    private final StreamMappingPort mappings;
    private final Optional<StreamProcessor> processor;
    private final PolicyStatusPort statuses;
    private final AuditLogPort audit;
    private final Clock clock;

    /**
     * @param processor the function that mappings invoke and their default settings; empty when the deployment connects
     *                  streams itself (a stack per table), and plan, apply and drift then leave mappings alone
     */
    public PolicyConfigurationService(LoadPolicyPort policies, TableConfigurationPort tables, BucketConfigurationPort buckets,
                                      StreamMappingPort mappings, Optional<StreamProcessor> processor,
                                      PolicyStatusPort statuses, AuditLogPort audit, Clock clock) {
        this.policies = policies;
        this.tables = tables;
        this.buckets = buckets;
        this.mappings = mappings;
        this.processor = processor;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ConfigurationPlan plan(PolicyId id) {
        RetentionPolicy policy = load(id);
        return toPlan(policy, steps(policy));
    }

    @Override
    public ApplyResult apply(ApplyCommand command) {
        RetentionPolicy policy = load(command.policy());
        command.expectedVersion().filter(expected -> !expected.equals(policy.version())).ifPresent(expected -> {
            throw new PolicyVersionConflictException(policy.id(), expected, policy.version());
        });
        List<ConfigurationStep> steps = steps(policy);
        List<ChangeResult> results = new ArrayList<>();
        List<FieldChange> changed = new ArrayList<>();
        for (ConfigurationStep step : steps) {
            results.add(perform(policy, step, command, changed, results));
        }
        ApplyResult result = new ApplyResult(toPlan(policy, steps), results);
        audit.append(new AuditRecord(PolicyService.subject(policy.id()), AuditAction.POLICY_APPLIED, command.actor(), clock.instant(),
                summary(policy, results), changed));
        try {
            statuses.save(compare(policy));
        } catch (DependencyFailureException e) {
            // The changes are made and audited; the status is only the last check's copy, and the next check rewrites it.
        }
        return result;
    }

    @Override
    public DriftReport check(PolicyId id) {
        DriftReport report = compare(load(id));
        statuses.save(report);
        return report;
    }

    @Override
    public List<DriftReport> checkAll() {
        List<DriftReport> reports = new ArrayList<>();
        Optional<PolicyId> after = Optional.empty();
        do {
            LoadPolicyPort.PolicyPage page = policies.list(after, PAGE_SIZE);
            for (RetentionPolicy policy : page.policies()) {
                DriftReport report = compare(policy);
                statuses.save(report);
                reports.add(report);
            }
            after = page.next();
        } while (after.isPresent());
        return reports;
    }

    @Override
    public Optional<DriftReport> lastReport(PolicyId policy) {
        return statuses.find(policy);
    }

    /** The comparison as a report; a missing table or bucket or a failing AWS makes it UNKNOWN, never an exception. */
    private DriftReport compare(RetentionPolicy policy) {
        try {
            return DriftReport.compared(policy.id(), policy.version(), clock.instant(), toPlan(policy, steps(policy)).changes());
        } catch (TableNotFoundException | BucketNotFoundException | DependencyFailureException e) {
            return DriftReport.unknown(policy.id(), policy.version(), clock.instant(), e.getMessage());
        }
    }

    private RetentionPolicy load(PolicyId id) {
        return policies.findById(id).orElseThrow(() -> new PolicyNotFoundException(id));
    }

    private List<ConfigurationStep> steps(RetentionPolicy policy) {
        TableSettings table = tables.describe(policy.table());
        BucketSettings bucket = buckets.describe(policy.destination().bucket());
        List<ConfigurationStep> steps = new ArrayList<>(ConfigurationRules.steps(policy, table, bucket));
        steps.addAll(mappingSteps(policy, table, steps));
        return List.copyOf(steps);
    }

    private List<ConfigurationStep> mappingSteps(RetentionPolicy policy, TableSettings table, List<ConfigurationStep> tableAndBucket) {
        if (processor.isEmpty()) {
            // Mappings are not this deployment's to manage: its own stack connects the stream (docs/apply-and-drift.md).
            return List.of();
        }
        if (ConfigurationRules.keySchema(policy, table).isPresent()) {
            return List.of(ConfigurationRules.blockedByKeySchema(new PlannedChange(Target.MAPPING, policy.table().value(),
                    Setting.EVENT_SOURCE_MAPPING, "not connected", "ENABLED to " + processor.get().functionArn(), Feasibility.IN_PLACE,
                    "The processor would fail every removal of the table.")));
        }
        boolean streamChanges = tableAndBucket.stream().anyMatch(step -> step instanceof ConfigurationStep.EnableStream
                || step instanceof ConfigurationStep.ReplaceStream);
        return MappingRules.steps(policy, processor.get(), table, streamChanges, mappingsOf(table), clock.instant());
    }

    /** The mappings on the table's current stream (any function) and those of the processor's function (any stream). */
    private List<StreamMapping> mappingsOf(TableSettings table) {
        Map<String, StreamMapping> byId = new LinkedHashMap<>();
        table.stream().ifPresent(stream -> mappings.onStream(stream.streamArn()).forEach(m -> byId.put(m.id(), m)));
        mappings.ofFunction(processor.orElseThrow().functionArn()).forEach(m -> byId.putIfAbsent(m.id(), m));
        return List.copyOf(byId.values());
    }

    private static ConfigurationPlan toPlan(RetentionPolicy policy, List<ConfigurationStep> steps) {
        return new ConfigurationPlan(policy.id(), policy.version(), steps.stream().map(ConfigurationStep::change).toList());
    }

    private ChangeResult perform(RetentionPolicy policy, ConfigurationStep step, ApplyCommand command, List<FieldChange> changed,
                                 List<ChangeResult> before) {
        PlannedChange change = step.change();
        if (change.feasibility() == Feasibility.IMPOSSIBLE) {
            return new ChangeResult(change, ChangeStatus.IMPOSSIBLE, change.consequence());
        }
        if (change.feasibility() == Feasibility.NEEDS_CONSENT && !command.consentTo().contains(change.setting())) {
            return new ChangeResult(change, ChangeStatus.NOT_ALLOWED, "needs consent to " + change.setting() + ": "
                    + change.consequence());
        }
        try {
            if (step instanceof ConfigurationStep.CreateMapping create) {
                return createMapping(policy, create, changed, before);
            }
            return performAllowed(policy, step, changed);
        } catch (TableNotFoundException | BucketNotFoundException | DependencyFailureException e) {
            return new ChangeResult(change, ChangeStatus.FAILED, e.getMessage());
        }
    }

    private ChangeResult performAllowed(RetentionPolicy policy, ConfigurationStep step, List<FieldChange> changed) {
        PlannedChange change = step.change();
        TableName table = policy.table();
        BucketName bucket = policy.destination().bucket();
        if (step instanceof ConfigurationStep.EnableTtl enable) {
            if (tables.enableTtl(table, enable.attribute()) instanceof TtlChangeOutcome.RateLimited limited) {
                return new ChangeResult(change, ChangeStatus.RATE_LIMITED, limited.message());
            }
            return applied(change, changed, "TTL enabled on '" + enable.attribute() + "'");
        }
        if (step instanceof ConfigurationStep.ReplaceTtl replace) {
            return replaceTtl(table, replace, changed);
        }
        if (step instanceof ConfigurationStep.AwaitTtl) {
            return new ChangeResult(change, ChangeStatus.RATE_LIMITED, "TTL is " + change.current()
                    + "; DynamoDB finishes that by itself, within an hour: apply again then");
        }
        if (step instanceof ConfigurationStep.EnableStream) {
            TableSettings.StreamSettings stream = tables.enableStream(table, ConfigurationRules.STREAM_VIEW_TYPE);
            return applied(change, changed, "stream enabled: " + stream.streamArn());
        }
        if (step instanceof ConfigurationStep.ReplaceStream replace) {
            tables.disableStream(table);
            TableSettings.StreamSettings stream = tables.enableStream(table, ConfigurationRules.STREAM_VIEW_TYPE);
            return applied(change, changed, "stream replaced: new stream " + stream.streamArn() + "; the old stream " + replace.oldStreamArn()
                    + " stays readable for 24 hours, and the processor's mapping on it reads it to the end");
        }
        if (step instanceof ConfigurationStep.PutLifecycleRule put) {
            buckets.putLifecycleRule(bucket, put.rule());
            return applied(change, changed, "lifecycle rule '" + put.rule().id() + "' written; other rules kept");
        }
        if (step instanceof ConfigurationStep.RemoveLifecycleRule remove) {
            buckets.removeLifecycleRule(bucket, remove.ruleId());
            return applied(change, changed, "lifecycle rule '" + remove.ruleId() + "' removed; other rules kept");
        }
        if (step instanceof ConfigurationStep.EnableObjectLock lock) {
            return enableObjectLock(bucket, lock, changed);
        }
        if (step instanceof ConfigurationStep.UpdateMapping update) {
            StreamMapping mapping = mappings.update(update.mappingId(), processor.orElseThrow().functionArn(), update.settings(), true);
            return applied(change, changed, "mapping " + mapping.id() + " updated: " + mapping.state() + " to " + mapping.functionArn());
        }
        if (step instanceof ConfigurationStep.RemoveMapping remove) {
            mappings.delete(remove.mappingId());
            return applied(change, changed, "mapping " + remove.mappingId() + " deleted");
        }
        if (step instanceof ConfigurationStep.Blocked) {
            return new ChangeResult(change, ChangeStatus.IMPOSSIBLE, change.consequence());
        }
        throw new IllegalStateException("no way to perform " + step);
    }

    /** Connects the stream the step names, or the table's stream as the stream steps before it left it. */
    private ChangeResult createMapping(RetentionPolicy policy, ConfigurationStep.CreateMapping create, List<FieldChange> changed,
                                       List<ChangeResult> before) {
        PlannedChange change = create.change();
        Optional<String> stream = create.streamArn().or(() -> tables.describe(policy.table()).stream()
                .filter(settings -> settings.viewType().includesOldImage()).map(TableSettings.StreamSettings::streamArn));
        if (stream.isEmpty()) {
            ChangeStatus status = before.stream().filter(result -> result.change().setting() == Setting.STREAM)
                    .map(ChangeResult::status).filter(s -> s != ChangeStatus.APPLIED).findFirst().orElse(ChangeStatus.FAILED);
            return new ChangeResult(change, status, "not connected: the table has no stream with old images yet (the STREAM change"
                    + " ended " + status + "); apply again once it has one");
        }
        StreamMapping mapping = mappings.create(stream.get(), processor.orElseThrow().functionArn(), create.settings());
        return applied(change, changed, "mapping " + mapping.id() + " created from " + mapping.streamArn() + " to " + mapping.functionArn());
    }

    private ChangeResult replaceTtl(TableName table, ConfigurationStep.ReplaceTtl replace, List<FieldChange> changed) {
        PlannedChange change = replace.change();
        if (tables.disableTtl(table, replace.from()) instanceof TtlChangeOutcome.RateLimited limited) {
            return new ChangeResult(change, ChangeStatus.RATE_LIMITED, limited.message());
        }
        changed.add(new FieldChange(field(change), change.current(), "DISABLED"));
        if (tables.enableTtl(table, replace.to()) instanceof TtlChangeOutcome.RateLimited limited) {
            return new ChangeResult(change, ChangeStatus.RATE_LIMITED, "TTL disabled on '" + replace.from()
                    + "'; enabling it on '" + replace.to() + "' was refused: " + limited.message() + " Apply again in an hour.");
        }
        changed.add(new FieldChange(field(change), "DISABLED", change.desired()));
        return new ChangeResult(change, ChangeStatus.APPLIED, "TTL disabled on '" + replace.from() + "' and enabled on '"
                + replace.to() + "'");
    }

    private ChangeResult enableObjectLock(BucketName bucket, ConfigurationStep.EnableObjectLock lock, List<FieldChange> changed) {
        PlannedChange change = lock.change();
        if (!lock.versioningEnabled()) {
            buckets.enableVersioning(bucket);
            changed.add(new FieldChange("bucket/" + change.resource() + "/VERSIONING", "not enabled", "ENABLED"));
        }
        try {
            buckets.enableObjectLock(bucket);
        } catch (DependencyFailureException e) {
            return new ChangeResult(change, ChangeStatus.FAILED, (lock.versioningEnabled() ? "" : "versioning enabled; ")
                    + "object lock not enabled: " + e.getMessage());
        }
        return applied(change, changed, (lock.versioningEnabled() ? "" : "versioning enabled, then ") + "object lock enabled");
    }

    private static ChangeResult applied(PlannedChange change, List<FieldChange> changed, String detail) {
        changed.add(new FieldChange(field(change), change.current(), change.desired()));
        return new ChangeResult(change, ChangeStatus.APPLIED, detail);
    }

    /** The audit field of a change: {@code table/orders/TTL}, {@code bucket/acme-archive/LIFECYCLE_RULE}. */
    static String field(PlannedChange change) {
        return change.target().name().toLowerCase(Locale.ROOT) + "/" + change.resource() + "/" + change.setting();
    }

    private static String summary(RetentionPolicy policy, List<ChangeResult> results) {
        if (results.isEmpty()) {
            return "applied version " + policy.version() + ": nothing to change";
        }
        return "applied version " + policy.version() + ": " + results.stream()
                .map(result -> result.change().setting() + " " + result.status())
                .collect(Collectors.joining(", "));
    }
}
