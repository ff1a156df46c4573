package dev.lifecycle.domain.apply;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.PolicyVersionConflictException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryBucketConfiguration;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryPolicyStatus;
import dev.lifecycle.domain.testing.InMemoryStreamMappings;
import dev.lifecycle.domain.testing.InMemoryTableConfiguration;
import dev.lifecycle.domain.testing.TestMappings;
import dev.lifecycle.domain.testing.TestPolicies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PolicyConfigurationServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final TableName TABLE = TableName.of(TestPolicies.TABLE);
    private static final BucketName BUCKET = BucketName.of(TestPolicies.BUCKET);
    private static final AttributeName EXPIRES_AT = AttributeName.of("expiresAt");
    private static final LifecycleRule FOREIGN_RULE = new LifecycleRule("logs-expiry", "logs/", List.of(), Optional.of(7), Optional.empty(), true,
            List.of("tag filter", "noncurrent-version transitions"));

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryTableConfiguration tables = new InMemoryTableConfiguration();
    private final InMemoryBucketConfiguration buckets = new InMemoryBucketConfiguration();
    private final InMemoryStreamMappings mappings = new InMemoryStreamMappings();
    private final InMemoryPolicyStatus statuses = new InMemoryPolicyStatus();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final PolicyConfigurationService service = new PolicyConfigurationService(policies, tables, buckets, mappings, Optional.of(TestMappings.PROCESSOR), statuses, audit,
            Clock.fixed(NOW, ZoneOffset.UTC));
    private RetentionPolicy policy;

    @BeforeEach
    void freshTableAndBucketWithAForeignRule() {
        policy = TestPolicies.policy();
        policies.add(policy);
        tables.createTable(TABLE, KeySchema.composite("pk", "sk"));
        buckets.createBucket(BUCKET);
        buckets.addForeignRule(BUCKET, FOREIGN_RULE);
    }

    @Test
    void planningAFreshTableAndBucket_listsTtlStreamRuleAndMapping_andChangesNothing() {
        ConfigurationPlan plan = service.plan(policy.id());

        assertThat(plan.policy()).isEqualTo(policy.id());
        assertThat(plan.version()).isEqualTo(policy.version());
        assertThat(plan.changes()).extracting(PlannedChange::setting)
                .containsExactly(Setting.TTL, Setting.STREAM, Setting.LIFECYCLE_RULE, Setting.EVENT_SOURCE_MAPPING);
        assertThat(tables.changes()).isEmpty();
        assertThat(buckets.changes()).isEmpty();
        assertThat(mappings.changes()).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void planningAnUnknownPolicy_isNotFound_andAMissingTableOrBucket_isNamed() {
        assertThatThrownBy(() -> service.plan(PolicyId.of("nobody"))).isInstanceOf(PolicyNotFoundException.class);

        RetentionPolicy noTable = declare("no-table", TestPolicies.withTable(draft(), "missing"));
        assertThatThrownBy(() -> service.plan(noTable.id())).isInstanceOf(TableNotFoundException.class);

        tables.createTable(TableName.of("other"), KeySchema.composite("pk", "sk"));
        RetentionPolicy noBucket = declare("no-bucket", TestPolicies.withDestination(TestPolicies.withTable(draft(), "other"),
                "missing-bucket", "archive"));
        assertThatThrownBy(() -> service.plan(noBucket.id())).isInstanceOf(BucketNotFoundException.class);
    }

    @Test
    void applyingAFreshTableAndBucket_makesEveryChange_keepsTheForeignRule_andThePlanIsThenUpToDate() {
        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(result.complete()).isTrue();
        assertThat(result.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
        assertThat(tables.changes()).containsExactly("enableTtl orders expiresAt", "enableStream orders NEW_AND_OLD_IMAGES");
        assertThat(buckets.changes()).containsExactly("putLifecycleRule acme-archive lifecycle-orders-retention");
        assertThat(buckets.describe(BUCKET).lifecycleRules()).containsExactly(FOREIGN_RULE,
                ConfigurationRules.desiredRule(policy).orElseThrow());
        assertThat(service.plan(policy.id()).upToDate()).isTrue();
    }

    @Test
    void applyingTwice_changesNothingTheSecondTime() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        List<String> tableChanges = tables.changes();
        List<String> bucketChanges = buckets.changes();

        ApplyResult again = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(again.plan().upToDate()).isTrue();
        assertThat(again.results()).isEmpty();
        assertThat(again.complete()).isTrue();
        assertThat(tables.changes()).isEqualTo(tableChanges);
        assertThat(buckets.changes()).isEqualTo(bucketChanges);
        assertThat(audit.all().get(1).summary()).isEqualTo("applied version 1: nothing to change");
        assertThat(audit.all().get(1).changes()).isEmpty();
    }

    @Test
    void apply_auditsWhoWhenAndEachChangeFromCurrentToDesired() {
        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        AuditRecord record = audit.history("policy/orders-retention").get(0);
        assertThat(record.action()).isEqualTo(AuditAction.POLICY_APPLIED);
        assertThat(record.actor()).isEqualTo("alice");
        assertThat(record.at()).isEqualTo(NOW);
        assertThat(record.summary())
                .isEqualTo("applied version 1: TTL APPLIED, STREAM APPLIED, LIFECYCLE_RULE APPLIED, EVENT_SOURCE_MAPPING APPLIED");
        assertThat(record.changes()).containsExactly(
                new FieldChange("table/orders/TTL", "DISABLED", "ENABLED on 'expiresAt'"),
                new FieldChange("table/orders/STREAM", "DISABLED", "ENABLED with NEW_AND_OLD_IMAGES"),
                new FieldChange("bucket/acme-archive/LIFECYCLE_RULE", "absent", result.plan().changes().get(2).desired()),
                new FieldChange("mapping/orders/EVENT_SOURCE_MAPPING", "absent", result.plan().changes().get(3).desired()));
    }

    @Test
    void apply_recordsAFreshDriftReport() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(service.lastReport(policy.id())).hasValueSatisfying(report -> {
            assertThat(report.state()).isEqualTo(DriftState.IN_SYNC);
            assertThat(report.checkedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aStatusStoreThatFails_doesNotFailAnApplyWhoseChangesWereMade() {
        PolicyStatusPort failingStatuses = new PolicyStatusPort() {
            @Override
            public void save(DriftReport report) {
                throw new DependencyFailureException("DynamoDB", true, "ThrottlingException (HTTP 400): slow down", null);
            }

            @Override
            public Optional<DriftReport> find(PolicyId policy) {
                return Optional.empty();
            }

            @Override
            public void delete(PolicyId policy) {
            }
        };
        PolicyConfigurationService withFailingStatuses = new PolicyConfigurationService(policies, tables, buckets, mappings, Optional.of(TestMappings.PROCESSOR), failingStatuses, audit,
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(withFailingStatuses.apply(ApplyCommand.of(policy.id(), "alice")).complete()).isTrue();
        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void aStaleExpectedVersion_isAConflict_andChangesNothing() {
        ApplyCommand stale = new ApplyCommand(policy.id(), Optional.of(PolicyVersion.of(2)), Set.of(), "alice");

        assertThatThrownBy(() -> service.apply(stale)).isInstanceOfSatisfying(PolicyVersionConflictException.class,
                e -> assertThat(e.actual()).isEqualTo(PolicyVersion.initial()));
        assertThat(tables.changes()).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void theCurrentExpectedVersion_isApplied() {
        ApplyCommand current = new ApplyCommand(policy.id(), Optional.of(PolicyVersion.initial()), Set.of(), "alice");

        assertThat(service.apply(current).complete()).isTrue();
    }

    @Test
    void aKeysOnlyStream_isNotReplacedWithoutConsent() {
        String oldArn = tables.setStream(TABLE, Optional.of(StreamViewType.KEYS_ONLY)).orElseThrow();

        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        ChangeResult stream = result.results().get(1);
        assertThat(stream.status()).isEqualTo(ChangeStatus.NOT_ALLOWED);
        assertThat(stream.detail()).contains("needs consent to STREAM");
        assertThat(result.complete()).isFalse();
        assertThat(tables.describe(TABLE).stream()).hasValueSatisfying(s -> assertThat(s.streamArn()).isEqualTo(oldArn));
        assertThat(audit.all().get(0).summary()).contains("STREAM NOT_ALLOWED");
    }

    @Test
    void aKeysOnlyStream_isReplacedWithConsent_byANewStreamWithANewArn() {
        String oldArn = tables.setStream(TABLE, Optional.of(StreamViewType.KEYS_ONLY)).orElseThrow();

        ApplyResult result = service.apply(new ApplyCommand(policy.id(), Optional.empty(), Set.of(Setting.STREAM), "alice"));

        assertThat(result.complete()).isTrue();
        TableSettings.StreamSettings stream = tables.describe(TABLE).stream().orElseThrow();
        assertThat(stream.viewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(stream.streamArn()).isNotEqualTo(oldArn);
        assertThat(result.results().get(1).detail()).contains(stream.streamArn()).contains(oldArn);
        assertThat(tables.changes()).containsSubsequence("disableStream orders", "enableStream orders NEW_AND_OLD_IMAGES");
    }

    @Test
    void objectLock_isNotEnabledWithoutConsent() {
        RetentionPolicy locked = relock();

        ApplyResult result = service.apply(ApplyCommand.of(locked.id(), "alice"));

        assertThat(result.results()).filteredOn(r -> r.change().setting() == Setting.OBJECT_LOCK)
                .extracting(ChangeResult::status).containsExactly(ChangeStatus.NOT_ALLOWED);
        assertThat(buckets.describe(BUCKET).objectLockEnabled()).isFalse();
        assertThat(buckets.describe(BUCKET).versioningEnabled()).isFalse();
    }

    @Test
    void objectLock_withConsent_enablesVersioningThenTheLock_andAuditsBoth() {
        RetentionPolicy locked = relock();

        ApplyResult result = service.apply(new ApplyCommand(locked.id(), Optional.empty(), Set.of(Setting.OBJECT_LOCK), "alice"));

        assertThat(result.complete()).isTrue();
        assertThat(buckets.changes()).containsSubsequence("enableVersioning acme-archive", "enableObjectLock acme-archive");
        assertThat(audit.all().get(0).changes()).contains(
                new FieldChange("bucket/acme-archive/VERSIONING", "not enabled", "ENABLED"),
                new FieldChange("bucket/acme-archive/OBJECT_LOCK", "DISABLED (versioning not enabled)", "ENABLED"));
        assertThat(service.plan(locked.id()).upToDate()).isTrue();
    }

    @Test
    void objectLockRefusedByS3_isFailedWithS3sMessage_andTheVersioningItEnabledIsAudited() {
        RetentionPolicy locked = relock();
        buckets.refuseObjectLockWith("InvalidBucketState (HTTP 409): Object Lock configuration cannot be enabled on existing buckets");

        ApplyResult result = service.apply(new ApplyCommand(locked.id(), Optional.empty(), Set.of(Setting.OBJECT_LOCK), "alice"));

        ChangeResult lock = result.results().stream().filter(r -> r.change().setting() == Setting.OBJECT_LOCK).findFirst().orElseThrow();
        assertThat(lock.status()).isEqualTo(ChangeStatus.FAILED);
        assertThat(lock.detail()).contains("versioning enabled").contains("cannot be enabled on existing buckets");
        assertThat(result.results()).filteredOn(r -> r.change().setting() != Setting.OBJECT_LOCK)
                .extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
        assertThat(audit.all().get(0).changes()).contains(new FieldChange("bucket/acme-archive/VERSIONING", "not enabled", "ENABLED"))
                .noneMatch(change -> change.field().endsWith("OBJECT_LOCK"));
    }

    @Test
    void ttlOnAnotherAttribute_isDisabled_thenTheHourLimitIsReported_andTheNextHourFinishesIt() {
        tables.setTtl(TABLE, TtlStatus.ENABLED, Optional.of(AttributeName.of("deleteAt")));
        tables.limitTtlChangesPerHour();

        ChangeResult first = service.apply(ApplyCommand.of(policy.id(), "alice")).results().get(0);

        assertThat(first.status()).isEqualTo(ChangeStatus.RATE_LIMITED);
        assertThat(first.detail()).contains("TTL disabled on 'deleteAt'").contains(InMemoryTableConfiguration.RATE_LIMIT_MESSAGE);
        assertThat(tables.describe(TABLE).ttlStatus()).isEqualTo(TtlStatus.DISABLED);
        assertThat(audit.all().get(0).changes()).contains(new FieldChange("table/orders/TTL", "ENABLED on 'deleteAt'", "DISABLED"));

        tables.anHourPasses();
        ApplyResult second = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(second.results().get(0).change().current()).isEqualTo("DISABLED");
        assertThat(second.results()).extracting(ChangeResult::status).containsOnly(ChangeStatus.APPLIED);
        assertThat(tables.describe(TABLE).ttlAttribute()).contains(EXPIRES_AT);
    }

    @Test
    void aTtlChangeRefusedWithinTheHour_isRateLimited_withDynamoDbsMessage() {
        tables.limitTtlChangesPerHour();
        tables.enableTtl(TABLE, AttributeName.of("deleteAt"));
        tables.disableTtl(TABLE, AttributeName.of("deleteAt"));

        ChangeResult ttl = service.apply(ApplyCommand.of(policy.id(), "alice")).results().get(0);

        assertThat(ttl.status()).isEqualTo(ChangeStatus.RATE_LIMITED);
        assertThat(ttl.detail()).isEqualTo(InMemoryTableConfiguration.RATE_LIMIT_MESSAGE);
    }

    @Test
    void ttlStillDisabling_isReportedRateLimited_withoutAskingDynamoDb() {
        tables.setTtl(TABLE, TtlStatus.DISABLING, Optional.of(AttributeName.of("deleteAt")));

        ChangeResult ttl = service.apply(ApplyCommand.of(policy.id(), "alice")).results().get(0);

        assertThat(ttl.status()).isEqualTo(ChangeStatus.RATE_LIMITED);
        assertThat(ttl.detail()).contains("DISABLING on 'deleteAt'").contains("apply again");
        assertThat(tables.changes()).noneMatch(change -> change.contains("Ttl"));
    }

    @Test
    void aTableWithOtherKeys_getsNoTableChange_butTheBucketIsStillConfigured() {
        RetentionPolicy wrongKeys = declare("wrong-keys", TestPolicies.withTable(TestPolicies.simpleKeyDraft(), "single-key"));
        tables.createTable(TableName.of("single-key"), KeySchema.composite("pk", "sk"));

        ApplyResult result = service.apply(ApplyCommand.of(wrongKeys.id(), "alice"));

        assertThat(result.results()).extracting(r -> r.change().setting(), ChangeResult::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Setting.TTL, ChangeStatus.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.STREAM, ChangeStatus.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.STREAM, ChangeStatus.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.LIFECYCLE_RULE, ChangeStatus.APPLIED),
                org.assertj.core.groups.Tuple.tuple(Setting.EVENT_SOURCE_MAPPING, ChangeStatus.IMPOSSIBLE));
        assertThat(tables.changes()).isEmpty();
        assertThat(mappings.changes()).isEmpty();
    }

    @Test
    void aBucketThatCannotBeDescribed_failsApply_beforeAnyChange() {
        buckets.failWith(BUCKET, new DependencyFailureException("S3", true, "SlowDown (HTTP 503): reduce your request rate", null));

        assertThatThrownBy(() -> service.apply(ApplyCommand.of(policy.id(), "alice"))).isInstanceOf(DependencyFailureException.class);
        assertThat(tables.changes()).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aChangeAwsRefuses_isFailedWithAwsMessage_andTheOthersAreStillMade() {
        PolicyConfigurationService deniedRules = new PolicyConfigurationService(policies, tables, new FailingRulePuts(buckets), mappings, Optional.of(TestMappings.PROCESSOR), statuses,
                audit, Clock.fixed(NOW, ZoneOffset.UTC));

        ApplyResult result = deniedRules.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(result.results()).extracting(ChangeResult::status)
                .containsExactly(ChangeStatus.APPLIED, ChangeStatus.APPLIED, ChangeStatus.FAILED, ChangeStatus.APPLIED);
        assertThat(result.results().get(2).detail()).contains("AccessDenied (HTTP 403)");
        assertThat(audit.all().get(0).summary()).endsWith("LIFECYCLE_RULE FAILED, EVENT_SOURCE_MAPPING APPLIED");
    }

    @Test
    void check_isInSync_afterApply_thenDrifted_whenTtlIsDisabledBehindThePlatformsBack() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);

        tables.setTtl(TABLE, TtlStatus.DISABLED, Optional.empty());
        DriftReport drifted = service.check(policy.id());

        assertThat(drifted.state()).isEqualTo(DriftState.DRIFTED);
        assertThat(drifted.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.setting()).isEqualTo(Setting.TTL);
            assertThat(difference.current()).isEqualTo("DISABLED");
        });
        assertThat(drifted.problem()).isEmpty();
        assertThat(drifted.checkedAt()).isEqualTo(NOW);
        assertThat(service.lastReport(policy.id())).contains(drifted);

        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    @Test
    void check_ofAPolicyWhoseTableIsGone_isUnknown_withTheProblem_andRecorded() {
        RetentionPolicy noTable = declare("no-table", TestPolicies.withTable(draft(), "missing"));

        DriftReport report = service.check(noTable.id());

        assertThat(report.state()).isEqualTo(DriftState.UNKNOWN);
        assertThat(report.problem()).contains("table 'missing' does not exist");
        assertThat(service.lastReport(noTable.id())).contains(report);
    }

    @Test
    void check_ofAnUnknownPolicy_isNotFound() {
        assertThatThrownBy(() -> service.check(PolicyId.of("nobody"))).isInstanceOf(PolicyNotFoundException.class);
        assertThat(service.lastReport(PolicyId.of("nobody"))).isEmpty();
    }

    @Test
    void checkAll_reportsEveryPolicy_andAFailureOfOneBecomesUnknown_neverAnException() {
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        RetentionPolicy noTable = declare("a-no-table", TestPolicies.withTable(draft(), "missing"));
        tables.createTable(TableName.of("failing"), KeySchema.composite("pk", "sk"));
        RetentionPolicy failing = declare("b-failing", TestPolicies.withTable(draft(), "failing"));
        tables.failWith(TableName.of("failing"), new DependencyFailureException("DynamoDB", true, "ThrottlingException (HTTP 400): slow down", null));
        tables.createTable(TableName.of("noisy"), KeySchema.composite("pk", "sk"));
        RetentionPolicy drifting = declare("c-drifting", TestPolicies.withTable(draft(), "noisy"));

        List<DriftReport> reports = service.checkAll();

        assertThat(reports).extracting(DriftReport::policy, DriftReport::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple(noTable.id(), DriftState.UNKNOWN),
                org.assertj.core.groups.Tuple.tuple(failing.id(), DriftState.UNKNOWN),
                org.assertj.core.groups.Tuple.tuple(drifting.id(), DriftState.DRIFTED),
                org.assertj.core.groups.Tuple.tuple(policy.id(), DriftState.IN_SYNC));
        assertThat(reports.get(1).problem()).hasValueSatisfying(problem -> assertThat(problem).contains("ThrottlingException"));
        assertThat(service.lastReport(failing.id())).contains(reports.get(1));
    }

    @Test
    void checkAll_pagesThroughEveryPolicy() {
        int count = PolicyConfigurationService.PAGE_SIZE * 2 + 5;
        for (int i = 0; i < count; i++) {
            declare(String.format("p%03d", i), TestPolicies.withTable(draft(), String.format("table-%03d", i)));
        }

        List<DriftReport> reports = service.checkAll();

        assertThat(reports).hasSize(count + 1);
        assertThat(reports).extracting(DriftReport::policy).doesNotHaveDuplicates();
    }

    private RetentionPolicy declare(String id, PolicyDraft draft) {
        RetentionPolicy declared = draft.toPolicy(PolicyId.of(id), PolicyVersion.initial());
        policies.add(declared);
        return declared;
    }

    /** Replaces the baseline policy by the same one with an object lock. */
    private RetentionPolicy relock() {
        RetentionPolicy locked = ConfigurationRulesTest.lockedPolicy().withVersion(PolicyVersion.of(2));
        policies.update(locked, TestPolicies.setUpAudit(locked));
        return locked;
    }

    /** A bucket port whose lifecycle writes are denied. */
    private static final class FailingRulePuts implements dev.lifecycle.domain.bucket.BucketConfigurationPort {
        private final InMemoryBucketConfiguration delegate;

        FailingRulePuts(InMemoryBucketConfiguration delegate) {
            this.delegate = delegate;
        }

        @Override
        public dev.lifecycle.domain.bucket.BucketSettings describe(BucketName bucket) {
            return delegate.describe(bucket);
        }

        @Override
        public void putLifecycleRule(BucketName bucket, LifecycleRule rule) {
            throw new DependencyFailureException("S3", false, "AccessDenied (HTTP 403): not allowed", null);
        }

        @Override
        public void removeLifecycleRule(BucketName bucket, String ruleId) {
            delegate.removeLifecycleRule(bucket, ruleId);
        }

        @Override
        public void enableVersioning(BucketName bucket) {
            delegate.enableVersioning(bucket);
        }

        @Override
        public void enableObjectLock(BucketName bucket) {
            delegate.enableObjectLock(bucket);
        }
    }
}
