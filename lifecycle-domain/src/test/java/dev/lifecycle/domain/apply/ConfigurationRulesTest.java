package dev.lifecycle.domain.apply;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.bucket.BucketSettings;
import dev.lifecycle.domain.bucket.LifecycleRule;
import dev.lifecycle.domain.bucket.StorageClass;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import dev.lifecycle.domain.testing.TestPolicies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConfigurationRulesTest {

    private static final TableName TABLE = TableName.of("orders");
    private static final BucketName BUCKET = BucketName.of("acme-archive");
    private static final KeySchema KEYS = KeySchema.composite("pk", "sk");
    private static final AttributeName EXPIRES_AT = AttributeName.of("expiresAt");
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/1";
    private static final LifecycleRule OUR_RULE = LifecycleRule.of("lifecycle-orders-retention", "archive/orders/",
            List.of(new LifecycleRule.Transition(StorageClass.STANDARD_IA, 30), new LifecycleRule.Transition(StorageClass.GLACIER, 90)),
            Optional.of(365), Optional.of(ConfigurationRules.NONCURRENT_VERSION_GRACE_DAYS));
    private static final LifecycleRule FOREIGN_RULE = new LifecycleRule("logs-expiry", "logs/", List.of(), Optional.of(7), Optional.empty(), true,
            List.of("tag filter", "noncurrent-version transitions"));

    @Test
    void aFreshTableAndBucket_needTtlStreamAndRule_inThatOrder_allInPlace() {
        List<PlannedChange> plan = ConfigurationRules.plan(policy(), freshTable(), bucket(List.of(FOREIGN_RULE), false));

        assertThat(plan).extracting(PlannedChange::setting).containsExactly(Setting.TTL, Setting.STREAM, Setting.LIFECYCLE_RULE);
        assertThat(plan).extracting(PlannedChange::feasibility).containsOnly(Feasibility.IN_PLACE);
        assertThat(plan.get(0)).extracting(PlannedChange::target, PlannedChange::resource, PlannedChange::current, PlannedChange::desired)
                .containsExactly(Target.TABLE, "orders", "DISABLED", "ENABLED on 'expiresAt'");
        assertThat(plan.get(1)).extracting(PlannedChange::current, PlannedChange::desired)
                .containsExactly("DISABLED", "ENABLED with NEW_AND_OLD_IMAGES");
        assertThat(plan.get(2)).extracting(PlannedChange::target, PlannedChange::resource, PlannedChange::current, PlannedChange::desired)
                .containsExactly(Target.BUCKET, "acme-archive", "absent", "'lifecycle-orders-retention' prefix 'archive/orders/':"
                        + " STANDARD_IA after 30 days, GLACIER after 90 days, expire after 365 days,"
                        + " delete noncurrent versions 30 days after they became noncurrent");
    }

    @Test
    void aTableAndBucketAsThePolicyNeeds_giveAnEmptyPlan_whateverTheOtherRules() {
        assertThat(ConfigurationRules.plan(policy(), readyTable(), bucket(List.of(FOREIGN_RULE, OUR_RULE), false))).isEmpty();
    }

    @Test
    void enablingTtl_explainsDeletionAndTheHourLimit() {
        ConfigurationStep step = ConfigurationRules.ttl(policy(), freshTable()).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.EnableTtl(step.change(), EXPIRES_AT));
        assertThat(step.change().consequence()).contains("one TTL change per table per hour").contains("'expiresAt'");
    }

    @Test
    void ttlEnablingOnThePolicysAttribute_isNoDifference_forDynamoDbFinishesItByItself() {
        assertThat(ConfigurationRules.ttl(policy(), table(TtlStatus.ENABLING, Optional.of(EXPIRES_AT), Optional.empty()))).isEmpty();
    }

    @Test
    void ttlOnAnotherAttribute_isDisabledThenEnabled_andThePlanSaysTheSecondStepWaitsAnHour() {
        ConfigurationStep step = ConfigurationRules.ttl(policy(),
                table(TtlStatus.ENABLED, Optional.of(AttributeName.of("deleteAt")), Optional.empty())).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.ReplaceTtl(step.change(), AttributeName.of("deleteAt"), EXPIRES_AT));
        assertThat(step.change()).extracting(PlannedChange::current, PlannedChange::desired, PlannedChange::feasibility)
                .containsExactly("ENABLED on 'deleteAt'", "ENABLED on 'expiresAt'", Feasibility.IN_PLACE);
        assertThat(step.change().consequence()).contains("disabled on 'deleteAt'").contains("RATE_LIMITED").contains("hour");
    }

    @Test
    void ttlDisabling_isAwaited_notFought() {
        ConfigurationStep step = ConfigurationRules.ttl(policy(),
                table(TtlStatus.DISABLING, Optional.of(EXPIRES_AT), Optional.empty())).orElseThrow();

        assertThat(step).isInstanceOf(ConfigurationStep.AwaitTtl.class);
        assertThat(step.change().current()).isEqualTo("DISABLING on 'expiresAt'");
        assertThat(step.change().consequence()).contains("still disabling");
    }

    @Test
    void ttlEnablingOnAnotherAttribute_isAwaited_notFought() {
        ConfigurationStep step = ConfigurationRules.ttl(policy(),
                table(TtlStatus.ENABLING, Optional.of(AttributeName.of("deleteAt")), Optional.empty())).orElseThrow();

        assertThat(step).isInstanceOf(ConfigurationStep.AwaitTtl.class);
        assertThat(step.change().consequence()).contains("still enabling TTL on 'deleteAt'");
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
    void aStreamWithTheOldImage_isLeftAlone(StreamViewType viewType) {
        assertThat(ConfigurationRules.stream(policy(), table(TtlStatus.ENABLED, Optional.of(EXPIRES_AT),
                Optional.of(new TableSettings.StreamSettings(ARN, viewType))))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StreamViewType.class, names = {"KEYS_ONLY", "NEW_IMAGE"})
    void aStreamWithoutTheOldImage_isReplacedOnlyWithConsent_explainingTheNewArn(StreamViewType viewType) {
        ConfigurationStep step = ConfigurationRules.stream(policy(), table(TtlStatus.ENABLED, Optional.of(EXPIRES_AT),
                Optional.of(new TableSettings.StreamSettings(ARN, viewType)))).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.ReplaceStream(step.change(), ARN));
        assertThat(step.change()).extracting(PlannedChange::current, PlannedChange::desired, PlannedChange::feasibility)
                .containsExactly("ENABLED with " + viewType, "ENABLED with NEW_AND_OLD_IMAGES", Feasibility.NEEDS_CONSENT);
        assertThat(step.change().consequence()).contains("new stream ARN").contains("24 hours").contains("reads them to the end").contains(ARN);
    }

    @Test
    void aTableWithOtherKeys_isImpossible_andBlocksTtlAndStream_butNotTheBucket() {
        TableSettings otherKeys = new TableSettings(TABLE, KeySchema.partitionKey("id"), TtlStatus.DISABLED, Optional.empty(),
                Optional.empty());

        List<PlannedChange> plan = ConfigurationRules.plan(policy(), otherKeys, bucket(List.of(), false));

        assertThat(plan).extracting(PlannedChange::setting, PlannedChange::feasibility).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Setting.TTL, Feasibility.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.STREAM, Feasibility.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.STREAM, Feasibility.IMPOSSIBLE),
                org.assertj.core.groups.Tuple.tuple(Setting.LIFECYCLE_RULE, Feasibility.IN_PLACE));
        assertThat(plan.get(1)).extracting(PlannedChange::current, PlannedChange::desired)
                .containsExactly("key schema id", "key schema pk + sk");
        assertThat(plan.get(0).consequence()).contains("key schema differs");
    }

    @Test
    void theRuleIsForThePrefixAndTable_withTheTiersAndExpiry() {
        assertThat(ConfigurationRules.desiredRule(policy())).contains(OUR_RULE);
        assertThat(ConfigurationRules.desiredRule(policy(TestPolicies.withDestination(draft(), "acme-archive", ""))))
                .hasValueSatisfying(rule -> assertThat(rule.prefix()).isEqualTo("orders/"));
        assertThat(ConfigurationRules.desiredRule(policy(TestPolicies.withDestination(draft(), "acme-archive", "a/b"))))
                .hasValueSatisfying(rule -> assertThat(rule.prefix()).isEqualTo("a/b/orders/"));
    }

    @Test
    void anArchiveExpiry_alsoDeletesExpiredVersionsAfterTheGrace_andTiersAloneKeepEveryVersion() {
        LifecycleRule withExpiry = ConfigurationRules.desiredRule(policy()).orElseThrow();
        assertThat(withExpiry.noncurrentExpirationDays()).contains(30);
        assertThat(withExpiry.describe()).endsWith("expire after 365 days, delete noncurrent versions 30 days after they became noncurrent");

        RetentionPolicy tiersOnly = policy(TestPolicies.withTiers(draft(), draft().tiers(), null));
        assertThat(ConfigurationRules.desiredRule(tiersOnly)).hasValueSatisfying(rule -> {
            assertThat(rule.expirationDays()).isEmpty();
            assertThat(rule.noncurrentExpirationDays()).as("nothing expires, so no version is deleted either").isEmpty();
        });
    }

    @Test
    void aRuleThatDiffers_isReplaced_whetherInActionsStateOrExtras() {
        List<LifecycleRule> variants = List.of(
                LifecycleRule.of(OUR_RULE.id(), OUR_RULE.prefix(), OUR_RULE.transitions(), Optional.of(400), OUR_RULE.noncurrentExpirationDays()),
                // the rule as the platform wrote it before it expired noncurrent versions
                LifecycleRule.of(OUR_RULE.id(), OUR_RULE.prefix(), OUR_RULE.transitions(), OUR_RULE.expirationDays()),
                LifecycleRule.of(OUR_RULE.id(), "archive/", OUR_RULE.transitions(), OUR_RULE.expirationDays()),
                new LifecycleRule(OUR_RULE.id(), OUR_RULE.prefix(), OUR_RULE.transitions(), OUR_RULE.expirationDays(),
                        OUR_RULE.noncurrentExpirationDays(), false, List.of()),
                new LifecycleRule(OUR_RULE.id(), OUR_RULE.prefix(), OUR_RULE.transitions(), OUR_RULE.expirationDays(),
                        OUR_RULE.noncurrentExpirationDays(), true,
                        List.of("tag filter")));
        for (LifecycleRule variant : variants) {
            ConfigurationStep step = ConfigurationRules.lifecycleRule(policy(), bucket(List.of(FOREIGN_RULE, variant), false)).orElseThrow();

            assertThat(step).isEqualTo(new ConfigurationStep.PutLifecycleRule(step.change(), OUR_RULE));
            assertThat(step.change().current()).isEqualTo("'lifecycle-orders-retention' " + variant.describe());
            assertThat(step.change().consequence()).contains("replaced").contains("other lifecycle rules are kept");
        }
    }

    @Test
    void transitionsInAnotherOrder_areTheSameRule() {
        LifecycleRule reversed = LifecycleRule.of(OUR_RULE.id(), OUR_RULE.prefix(),
                List.of(OUR_RULE.transitions().get(1), OUR_RULE.transitions().get(0)), OUR_RULE.expirationDays(),
                OUR_RULE.noncurrentExpirationDays());

        assertThat(ConfigurationRules.lifecycleRule(policy(), bucket(List.of(reversed), false))).isEmpty();
    }

    @Test
    void aPolicyWithoutTiersOrExpiry_removesThePlatformsRule_orNeedsNone() {
        RetentionPolicy noRule = policy(TestPolicies.withTiers(draft(), List.of(), null));

        ConfigurationStep step = ConfigurationRules.lifecycleRule(noRule, bucket(List.of(FOREIGN_RULE, OUR_RULE), false)).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.RemoveLifecycleRule(step.change(), "lifecycle-orders-retention"));
        assertThat(step.change().desired()).isEqualTo("absent");
        assertThat(ConfigurationRules.lifecycleRule(noRule, bucket(List.of(FOREIGN_RULE), false))).isEmpty();
    }

    @Test
    void objectLockInThePolicy_onABucketWithout_needsConsent_andSaysItIsIrreversible() {
        ConfigurationStep step = ConfigurationRules.objectLock(lockedPolicy(), bucket(List.of(), false)).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.EnableObjectLock(step.change(), false));
        assertThat(step.change()).extracting(PlannedChange::target, PlannedChange::current, PlannedChange::desired, PlannedChange::feasibility)
                .containsExactly(Target.BUCKET, "DISABLED (versioning not enabled)", "ENABLED", Feasibility.NEEDS_CONSENT);
        assertThat(step.change().consequence()).contains("Versioning is enabled first").contains("never be disabled")
                .contains("never suspended");
    }

    @Test
    void objectLockOnAVersionedBucket_needsOnlyTheLock() {
        ConfigurationStep step = ConfigurationRules.objectLock(lockedPolicy(), bucket(List.of(), true)).orElseThrow();

        assertThat(step).isEqualTo(new ConfigurationStep.EnableObjectLock(step.change(), true));
        assertThat(step.change().current()).isEqualTo("DISABLED (versioning enabled)");
        assertThat(step.change().consequence()).doesNotContain("Versioning is enabled first");
    }

    @Test
    void objectLock_isNoDifference_whenTheBucketHasIt_orThePolicyHasNone() {
        BucketSettings locked = new BucketSettings(BUCKET, List.of(), true, true);

        assertThat(ConfigurationRules.objectLock(lockedPolicy(), locked)).isEmpty();
        assertThat(ConfigurationRules.objectLock(policy(), bucket(List.of(), false))).isEmpty();
    }

    @Test
    void aPlanIsUpToDate_exactlyWhenItHasNoChanges() {
        RetentionPolicy policy = policy();

        assertThat(new ConfigurationPlan(policy.id(), policy.version(), List.of()).upToDate()).isTrue();
        assertThat(new ConfigurationPlan(policy.id(), policy.version(),
                ConfigurationRules.plan(policy, freshTable(), bucket(List.of(), false))).upToDate()).isFalse();
    }

    static RetentionPolicy lockedPolicy() {
        return policy(TestPolicies.withLock(draft(), new PolicyDraft.LockDraft("GOVERNANCE", 30)));
    }

    private static TableSettings freshTable() {
        return table(TtlStatus.DISABLED, Optional.empty(), Optional.empty());
    }

    private static TableSettings readyTable() {
        return table(TtlStatus.ENABLED, Optional.of(EXPIRES_AT),
                Optional.of(new TableSettings.StreamSettings(ARN, StreamViewType.NEW_AND_OLD_IMAGES)));
    }

    private static TableSettings table(TtlStatus status, Optional<AttributeName> attribute, Optional<TableSettings.StreamSettings> stream) {
        return new TableSettings(TABLE, KEYS, status, attribute, stream);
    }

    private static BucketSettings bucket(List<LifecycleRule> rules, boolean versioning) {
        return new BucketSettings(BUCKET, rules, false, versioning);
    }
}
