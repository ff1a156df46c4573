package dev.lifecycle.it.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyStatusRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableConfiguration;
import dev.lifecycle.adapters.aws.s3.S3BucketConfiguration;
import dev.lifecycle.domain.apply.ApplyCommand;
import dev.lifecycle.domain.apply.ApplyResult;
import dev.lifecycle.domain.apply.ChangeResult;
import dev.lifecycle.domain.apply.ChangeStatus;
import dev.lifecycle.domain.apply.ConfigurationPlan;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import dev.lifecycle.domain.apply.Feasibility;
import dev.lifecycle.domain.apply.PlannedChange;
import dev.lifecycle.domain.apply.PolicyConfigurationService;
import dev.lifecycle.domain.apply.Setting;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.InMemoryStreamMappings;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * Plan, apply and drift at the service level on the emulators, with the real adapters: a fresh
 * table and a bucket that already holds someone else's lifecycle rule.
 */
@ExtendWith(LocalAwsExtension.class)
class PlanApplyDriftTest {

    private static final String POLICY_TABLE = "lifecycle-policies-apply-" + UUID.randomUUID().toString().substring(0, 8);
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private final LocalAws aws;
    private final DynamoDbPolicyRepository policies;
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final PolicyConfigurationService service;

    PlanApplyDriftTest(LocalAws aws) {
        this.aws = aws;
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), POLICY_TABLE);
        policies.createTableIfMissing();
        service = new PolicyConfigurationService(policies, new DynamoDbTableConfiguration(aws.dynamoDb()),
                new S3BucketConfiguration(aws.s3()), new InMemoryStreamMappings(), Optional.empty(),
                new DynamoDbPolicyStatusRepository(aws.dynamoDb(), POLICY_TABLE), audit,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void freshTableAndBucket_planApplyReapply_driftBehindTheBack_andApplyAgain() {
        String table = ApplyFixtures.table(aws, "orders");
        String bucket = ApplyFixtures.bucket(aws, "archive");
        ApplyFixtures.putRules(aws, bucket, ApplyFixtures.foreignRule());
        LifecycleRule foreign = ApplyFixtures.rules(aws, bucket).get(0);
        RetentionPolicy policy = declare(table, bucket, TestPolicies.draft());

        ConfigurationPlan plan = service.plan(policy.id());
        assertThat(plan.changes()).extracting(PlannedChange::setting, PlannedChange::feasibility).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Setting.TTL, Feasibility.IN_PLACE),
                org.assertj.core.groups.Tuple.tuple(Setting.STREAM, Feasibility.IN_PLACE),
                org.assertj.core.groups.Tuple.tuple(Setting.LIFECYCLE_RULE, Feasibility.IN_PLACE));

        ApplyResult applied = service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(applied.complete()).as("results %s", applied.results()).isTrue();
        assertThat(ApplyFixtures.rules(aws, bucket).get(0)).isEqualTo(foreign);
        TableDescription described = aws.dynamoDb().describeTable(b -> b.tableName(table)).table();
        assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(aws.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");

        ApplyResult again = service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(again.results()).isEmpty();
        assertThat(service.plan(policy.id()).upToDate()).isTrue();
        assertThat(aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn())
                .isEqualTo(described.latestStreamArn());
        assertThat(ApplyFixtures.rules(aws, bucket)).hasSize(2).first().isEqualTo(foreign);
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);

        // Behind the platform's back: TTL off (DynamoDB Local allows this at once; AWS would wait an hour).
        aws.dynamoDb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.enabled(false).attributeName("expiresAt")));
        DriftReport drifted = service.check(policy.id());
        assertThat(drifted.state()).isEqualTo(DriftState.DRIFTED);
        assertThat(drifted.differences()).singleElement().satisfies(difference -> {
            assertThat(difference.setting()).isEqualTo(Setting.TTL);
            assertThat(difference.current()).isEqualTo("DISABLED");
            assertThat(difference.desired()).isEqualTo("ENABLED on 'expiresAt'");
        });
        assertThat(service.lastReport(policy.id())).contains(drifted);

        assertThat(service.apply(ApplyCommand.of(policy.id(), "bob")).complete()).isTrue();
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
        assertThat(ApplyFixtures.rules(aws, bucket).get(0)).isEqualTo(foreign);

        // Behind the platform's back: stream off, and the platform's rule edited.
        aws.dynamoDb().updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
        List<LifecycleRule> rules = ApplyFixtures.rules(aws, bucket);
        ApplyFixtures.putRules(aws, bucket, rules.get(0), rules.get(1).toBuilder().expiration(e -> e.days(30)).build());
        DriftReport twice = service.check(policy.id());
        assertThat(twice.differences()).extracting(PlannedChange::setting).containsExactly(Setting.STREAM, Setting.LIFECYCLE_RULE);

        ApplyResult repaired = service.apply(ApplyCommand.of(policy.id(), "bob"));
        assertThat(repaired.complete()).as("results %s", repaired.results()).isTrue();
        assertThat(aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn())
                .isNotEqualTo(described.latestStreamArn());
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
        assertThat(ApplyFixtures.rules(aws, bucket)).hasSize(2).first().isEqualTo(foreign);
        assertThat(audit.history("policy/" + policy.id())).extracting(record -> record.action())
                .containsOnly(AuditAction.POLICY_APPLIED).hasSize(4);
    }

    @Test
    void aKeysOnlyStream_needsConsent_andIsReplacedOnlyWithIt_byANewStream() {
        String table = ApplyFixtures.table(aws, "orders", StreamViewType.KEYS_ONLY);
        String oldArn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        RetentionPolicy policy = declare(table, ApplyFixtures.bucket(aws, "archive"), TestPolicies.draft());

        PlannedChange stream = change(service.plan(policy.id()), Setting.STREAM);
        assertThat(stream.feasibility()).isEqualTo(Feasibility.NEEDS_CONSENT);
        assertThat(stream.current()).isEqualTo("ENABLED with KEYS_ONLY");
        assertThat(stream.consequence()).contains(oldArn);

        ChangeResult refused = result(service.apply(ApplyCommand.of(policy.id(), "alice")), Setting.STREAM);
        assertThat(refused.status()).isEqualTo(ChangeStatus.NOT_ALLOWED);
        assertThat(aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn()).isEqualTo(oldArn);

        ChangeResult replaced = result(service.apply(new ApplyCommand(policy.id(), Optional.of(PolicyVersion.initial()),
                Set.of(Setting.STREAM), "alice")), Setting.STREAM);
        assertThat(replaced.status()).isEqualTo(ChangeStatus.APPLIED);
        TableDescription after = aws.dynamoDb().describeTable(b -> b.tableName(table)).table();
        assertThat(after.latestStreamArn()).isNotEqualTo(oldArn);
        assertThat(after.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(replaced.detail()).contains(after.latestStreamArn()).contains(oldArn);
        assertThat(service.plan(policy.id()).upToDate()).isTrue();
    }

    @Test
    void anExistingNewAndOldImagesStream_isLeftAlone() {
        String table = ApplyFixtures.table(aws, "orders", StreamViewType.NEW_AND_OLD_IMAGES);
        String arn = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        RetentionPolicy policy = declare(table, ApplyFixtures.bucket(aws, "archive"), TestPolicies.draft());

        service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn()).isEqualTo(arn);
    }

    @Test
    void objectLock_onABucketWithout_needsConsent_andWithItVersioningThenLockAreEnabled() {
        String bucket = ApplyFixtures.bucket(aws, "archive");
        RetentionPolicy policy = declare(ApplyFixtures.table(aws, "orders"), bucket,
                TestPolicies.withLock(TestPolicies.draft(), new PolicyDraft.LockDraft("GOVERNANCE", 30)));

        PlannedChange lock = change(service.plan(policy.id()), Setting.OBJECT_LOCK);
        assertThat(lock.feasibility()).isEqualTo(Feasibility.NEEDS_CONSENT);
        assertThat(lock.current()).isEqualTo("DISABLED (versioning not enabled)");
        assertThat(lock.consequence()).contains("never be disabled");

        ApplyResult withoutConsent = service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(result(withoutConsent, Setting.OBJECT_LOCK).status()).isEqualTo(ChangeStatus.NOT_ALLOWED);
        assertThat(aws.s3().getBucketVersioning(b -> b.bucket(bucket)).status()).isNull();

        ApplyResult withConsent = service.apply(new ApplyCommand(policy.id(), Optional.empty(), Set.of(Setting.OBJECT_LOCK), "alice"));
        assertThat(result(withConsent, Setting.OBJECT_LOCK).status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(aws.s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString()).isEqualTo("Enabled");
        assertThat(aws.s3().getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().objectLockEnabledAsString())
                .isEqualTo("Enabled");
        assertThat(service.plan(policy.id()).upToDate()).isTrue();
    }

    @Test
    void aBucketCreatedWithObjectLock_needsNoObjectLockChange() {
        String bucket = "archive-locked-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        RetentionPolicy policy = declare(ApplyFixtures.table(aws, "orders"), bucket,
                TestPolicies.withLock(TestPolicies.draft(), new PolicyDraft.LockDraft("COMPLIANCE", 30)));

        assertThat(service.plan(policy.id()).changes()).extracting(PlannedChange::setting).doesNotContain(Setting.OBJECT_LOCK);
    }

    @Test
    void checkAll_reportsAPolicyWhoseTableIsGone_asUnknown_besideTheOthers() {
        RetentionPolicy gone = declare("gone-" + UUID.randomUUID().toString().substring(0, 8), ApplyFixtures.bucket(aws, "archive"),
                TestPolicies.draft());
        RetentionPolicy fresh = declare(ApplyFixtures.table(aws, "orders"), ApplyFixtures.bucket(aws, "archive"), TestPolicies.draft());

        List<DriftReport> reports = service.checkAll();

        assertThat(reports).filteredOn(report -> report.policy().equals(gone.id())).singleElement().satisfies(report -> {
            assertThat(report.state()).isEqualTo(DriftState.UNKNOWN);
            assertThat(report.problem()).hasValueSatisfying(problem -> assertThat(problem).contains("does not exist"));
        });
        assertThat(reports).filteredOn(report -> report.policy().equals(fresh.id())).singleElement()
                .satisfies(report -> assertThat(report.state()).isEqualTo(DriftState.DRIFTED));
        assertThat(service.lastReport(gone.id())).contains(reports.stream().filter(r -> r.policy().equals(gone.id())).findFirst().orElseThrow());
    }

    private RetentionPolicy declare(String table, String bucket, PolicyDraft draft) {
        RetentionPolicy policy = TestPolicies.withDestination(TestPolicies.withTable(draft, table), bucket, "archive")
                .toPolicy(PolicyId.of("p-" + UUID.randomUUID().toString().substring(0, 8)), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        return policy;
    }

    static PlannedChange change(ConfigurationPlan plan, Setting setting) {
        return plan.changes().stream().filter(c -> c.setting() == setting).findFirst().orElseThrow();
    }

    static ChangeResult result(ApplyResult result, Setting setting) {
        return result.results().stream().filter(r -> r.change().setting() == setting).findFirst().orElseThrow();
    }
}
