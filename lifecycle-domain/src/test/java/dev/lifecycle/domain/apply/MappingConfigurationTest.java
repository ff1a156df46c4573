package dev.lifecycle.domain.apply;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryBucketConfiguration;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryPolicyStatus;
import dev.lifecycle.domain.testing.InMemoryStreamMappings;
import dev.lifecycle.domain.testing.InMemoryTableConfiguration;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.TestMappings;
import dev.lifecycle.domain.testing.TestPolicies;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Apply connects a policy's table to the processor, drift watches the mapping, and a replaced stream is drained first. */
class MappingConfigurationTest {

    private static final TableName TABLE = TableName.of(TestPolicies.TABLE);
    private static final String OTHER_TEAMS_FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:search-indexer";

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryTableConfiguration tables = new InMemoryTableConfiguration();
    private final InMemoryBucketConfiguration buckets = new InMemoryBucketConfiguration();
    private final InMemoryStreamMappings mappings = new InMemoryStreamMappings();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final PolicyConfigurationService service = new PolicyConfigurationService(policies, tables, buckets, mappings,
            Optional.of(TestMappings.PROCESSOR), new InMemoryPolicyStatus(), new InMemoryAuditLog(), clock);
    private RetentionPolicy policy;

    @BeforeEach
    void freshTableAndBucket() {
        policy = TestPolicies.policy();
        policies.add(policy);
        tables.createTable(TABLE, KeySchema.composite("pk", "sk"));
        buckets.createBucket(BucketName.of(TestPolicies.BUCKET));
    }

    @Test
    void applyingAFreshTable_connectsItsNewStreamToTheProcessor_withThePlatformsSafeSettings() {
        PlannedChange planned = change(service.plan(policy.id()));
        assertThat(planned.current()).isEqualTo("absent");
        assertThat(planned.desired()).startsWith("ENABLED from the new stream to " + TestMappings.FUNCTION_ARN);

        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(result.complete()).isTrue();
        String stream = currentStream();
        assertThat(mappings.all()).singleElement().satisfies(mapping -> {
            assertThat(mapping.streamArn()).isEqualTo(stream);
            assertThat(mapping.functionArn()).isEqualTo(TestMappings.FUNCTION_ARN);
            assertThat(mapping.state()).isEqualTo(MappingState.ENABLED);
            assertThat(mapping.settings()).isEqualTo(TestMappings.DEFAULTS);
        });
        assertThat(mapping(result).detail()).contains("created from " + stream);
    }

    @Test
    void aSecondApply_changesNoMapping() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        List<String> made = mappings.changes();

        ApplyResult again = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(again.results()).isEmpty();
        assertThat(mappings.changes()).isEqualTo(made);
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    @Test
    void aPolicysBatching_overridesTheDefaults_andChangingIt_plansAnUpdateNamingTheSettings() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        RetentionPolicy rebatched = TestPolicies.withStreamBatching(draft(), 250, 30)
                .toPolicy(policy.id(), PolicyVersion.of(2));
        policies.update(rebatched, TestPolicies.setUpAudit(rebatched));

        PlannedChange planned = change(service.plan(policy.id()));

        assertThat(planned.consequence()).contains("BatchSize 1000 → 250", "MaximumBatchingWindowInSeconds 5 → 30")
                .doesNotContain("MaximumRetryAttempts");
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.all()).singleElement().satisfies(mapping -> {
            assertThat(mapping.settings().batchSize()).isEqualTo(250);
            assertThat(mapping.settings().batchingWindowSeconds()).isEqualTo(30);
            assertThat(mapping.settings().maximumRetryAttempts()).isEqualTo(TestMappings.DEFAULTS.maximumRetryAttempts());
        });
    }

    @Test
    void aMappingDisabledAndRebatchedByHand_isDrift_namingBoth_andApplyRepairsIt() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        StreamMapping mapping = mappings.all().get(0);
        mappings.disable(mapping.id());
        mappings.change(mapping.id(), mapping.functionArn(), mapping.settings().withBatching(10, 5));

        DriftReport drifted = service.check(policy.id());

        assertThat(drifted.state()).isEqualTo(DriftState.DRIFTED);
        assertThat(drifted.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.setting()).isEqualTo(Setting.EVENT_SOURCE_MAPPING);
            assertThat(difference.consequence()).contains("State DISABLED → ENABLED", "BatchSize 10 → 1000");
        });
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.find(mapping.id())).hasValueSatisfying(repaired -> {
            assertThat(repaired.state()).isEqualTo(MappingState.ENABLED);
            assertThat(repaired.settings()).isEqualTo(TestMappings.DEFAULTS);
        });
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    @Test
    void aRemovedFilter_orMissingFailureDestination_isDrift() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        StreamMapping mapping = mappings.all().get(0);
        MappingSettings unfiltered = new MappingSettings(1000, 5, 1, 10, 3600, true, true, List.of(), Optional.empty());
        mappings.change(mapping.id(), mapping.functionArn(), unfiltered);

        PlannedChange difference = service.check(policy.id()).differences().get(0);

        assertThat(difference.consequence()).contains("FilterCriteria none → " + MappingSettings.REMOVE_ONLY,
                "DestinationConfig.OnFailure none → " + TestMappings.FAILURE_QUEUE_ARN);
    }

    @Test
    void aMappingPointedAtAnotherFunction_isDrift_andApplyPointsItBack() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        StreamMapping mapping = mappings.all().get(0);
        mappings.change(mapping.id(), OTHER_TEAMS_FUNCTION, mapping.settings());

        PlannedChange difference = service.check(policy.id()).differences().get(0);

        assertThat(difference.consequence()).contains("FunctionArn " + OTHER_TEAMS_FUNCTION + " → " + TestMappings.FUNCTION_ARN);
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.all()).singleElement().extracting(StreamMapping::functionArn).isEqualTo(TestMappings.FUNCTION_ARN);
    }

    @Test
    void aMappingDeletedByHand_isDrift_andApplyMakesItAgain() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        mappings.delete(mappings.all().get(0).id());

        PlannedChange difference = service.check(policy.id()).differences().get(0);

        assertThat(difference.current()).isEqualTo("absent");
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.all()).singleElement().extracting(StreamMapping::streamArn).isEqualTo(currentStream());
    }

    @Test
    void anotherTeamsMappingOnTheStream_isLeftAlone() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        MappingSettings theirs = new MappingSettings(100, 0, 1, -1, -1, false, false, List.of(), Optional.empty());
        mappings.add(currentStream(), OTHER_TEAMS_FUNCTION, MappingState.ENABLED, theirs);

        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    @Test
    void aSecondMappingOfTheProcessor_onAnotherQualifier_isRemoved() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        StreamMapping unqualified = mappings.add(currentStream(), "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-processor",
                MappingState.ENABLED, TestMappings.DEFAULTS);

        PlannedChange difference = service.check(policy.id()).differences().get(0);

        assertThat(difference.consequence()).contains("delivers every record twice");
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.find(unqualified.id())).isEmpty();
        assertThat(mappings.all()).singleElement().extracting(StreamMapping::functionArn).isEqualTo(TestMappings.FUNCTION_ARN);
    }

    @Test
    void aReplacedStream_getsANewMappingInTheSameApply_andTheOldOneDrainsUntilItsRecordsAgeOut() {
        tables.setStream(TABLE, Optional.of(StreamViewType.KEYS_ONLY));
        StreamMapping old = mappings.add(currentStream(), TestMappings.FUNCTION_ARN, MappingState.ENABLED, TestMappings.DEFAULTS);
        PlannedChange planned = change(service.plan(policy.id()));
        assertThat(planned.consequence()).contains("Re-points", old.id(), "deleted by a later apply 24 hours after the switch");

        ApplyResult result = service.apply(new ApplyCommand(policy.id(), Optional.empty(), Set.of(Setting.STREAM), "alice"));

        assertThat(result.complete()).isTrue();
        String replacement = currentStream();
        assertThat(replacement).isNotEqualTo(old.streamArn());
        assertThat(mappings.all()).extracting(StreamMapping::streamArn).containsExactly(old.streamArn(), replacement);
        assertThat(mappings.find(old.id())).hasValueSatisfying(draining -> assertThat(draining.state()).isEqualTo(MappingState.ENABLED));
        assertThat(service.check(policy.id()).state()).as("draining is not drift").isEqualTo(DriftState.IN_SYNC);

        clock.set(switchedAt(replacement).plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
        clock.set(switchedAt(replacement).plus(Duration.ofHours(24)));
        PlannedChange retire = change(service.plan(policy.id()));
        assertThat(retire.current()).contains(old.id());
        assertThat(retire.consequence()).contains("aged out");
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.all()).singleElement().extracting(StreamMapping::streamArn).isEqualTo(replacement);
    }

    @Test
    void aStreamReplacementWithoutConsent_connectsNothing() {
        tables.setStream(TABLE, Optional.of(StreamViewType.KEYS_ONLY));

        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(mapping(result).status()).isEqualTo(ChangeStatus.NOT_ALLOWED);
        assertThat(mapping(result).detail()).contains("no stream with old images");
        assertThat(mappings.all()).isEmpty();
    }

    @Test
    void aStreamReplacedByHand_isRepointed_keepingTheMappingOnTheOldStream() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        StreamMapping first = mappings.all().get(0);
        tables.setStream(TABLE, Optional.of(StreamViewType.NEW_AND_OLD_IMAGES));

        PlannedChange difference = service.check(policy.id()).differences().get(0);

        assertThat(difference.current()).isEqualTo("only on a replaced stream of the table");
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(mappings.all()).extracting(StreamMapping::streamArn).containsExactly(first.streamArn(), currentStream());
    }

    @Test
    void aTableWithOtherKeys_isNotConnected() {
        tables.createTable(TableName.of("other-keys"), KeySchema.partitionKey("id"));
        RetentionPolicy otherKeys = TestPolicies.withTable(draft(), "other-keys")
                .toPolicy(dev.lifecycle.domain.policy.PolicyId.of("other-keys"), PolicyVersion.initial());
        policies.add(otherKeys);

        ApplyResult result = service.apply(ApplyCommand.of(otherKeys.id(), "alice"));

        assertThat(mapping(result).status()).isEqualTo(ChangeStatus.IMPOSSIBLE);
        assertThat(mappings.all()).isEmpty();
    }

    @Test
    void withoutAConfiguredProcessor_mappingsAreLeftToTheDeployment_andNeverRead() {
        PolicyConfigurationService unmanaged = new PolicyConfigurationService(policies, tables, buckets, mappings, Optional.empty(),
                new InMemoryPolicyStatus(), new InMemoryAuditLog(), clock);
        mappings.failWith(new IllegalStateException("Lambda must not be called"));

        ApplyResult result = unmanaged.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(result.results()).extracting(r -> r.change().setting()).doesNotContain(Setting.EVENT_SOURCE_MAPPING);
        assertThat(unmanaged.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    @Test
    void lambdaRefusing_failsTheMappingChange_andTheTableAndBucketChangesStand() {
        mappings.refuseCreatesWith(new DependencyFailureException("Lambda", false, "AccessDeniedException (HTTP 403): not allowed", null));

        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(mapping(result).status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(mapping(result).detail()).contains("AccessDeniedException");
        assertThat(result.results()).filteredOn(r -> r.change().setting() != Setting.EVENT_SOURCE_MAPPING)
                .extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
    }

    @Test
    void lambdaUnreadable_failsPlanAndApply_beforeAnyChange_andDriftIsUnknown() {
        mappings.failWith(new DependencyFailureException("Lambda", true, "TooManyRequestsException (HTTP 429): slow down", null));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> service.apply(ApplyCommand.of(policy.id(), "alice")))
                .isInstanceOf(DependencyFailureException.class);
        assertThat(tables.changes()).isEmpty();
        assertThat(service.check(policy.id()).problem()).hasValueSatisfying(problem -> assertThat(problem).contains("TooManyRequests"));
    }

    private String currentStream() {
        return tables.describe(TABLE).stream().orElseThrow().streamArn();
    }

    private static Instant switchedAt(String streamArn) {
        return dev.lifecycle.domain.table.TableSettings.StreamSettings.createdAt(streamArn).orElseThrow();
    }

    private static PlannedChange change(ConfigurationPlan plan) {
        return plan.changes().stream().filter(c -> c.setting() == Setting.EVENT_SOURCE_MAPPING).findFirst().orElseThrow();
    }

    private static ChangeResult mapping(ApplyResult result) {
        return result.results().stream().filter(r -> r.change().setting() == Setting.EVENT_SOURCE_MAPPING).findFirst().orElseThrow();
    }
}
