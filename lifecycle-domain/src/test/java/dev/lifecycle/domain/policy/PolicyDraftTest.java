package dev.lifecycle.domain.policy;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestPolicies.withDestination;
import static dev.lifecycle.domain.testing.TestPolicies.withLock;
import static dev.lifecycle.domain.testing.TestPolicies.withRetention;
import static dev.lifecycle.domain.testing.TestPolicies.withTable;
import static dev.lifecycle.domain.testing.TestPolicies.withTiers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.bucket.ObjectLockMode;
import dev.lifecycle.domain.bucket.StorageClass;
import dev.lifecycle.domain.policy.PolicyDraft.LockDraft;
import dev.lifecycle.domain.policy.PolicyDraft.TierDraft;
import dev.lifecycle.domain.stream.DeletionCause;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyDraftTest {

    private static final PolicyId ID = PolicyId.of("orders-retention");

    @Test
    void validDraft_becomesAPolicyWithEveryField() {
        RetentionPolicy policy = draft().toPolicy(ID, PolicyVersion.initial());

        assertThat(policy.table().value()).isEqualTo("orders");
        assertThat(policy.keySchema().partitionKeyName()).isEqualTo("pk");
        assertThat(policy.keySchema().sortKeyName()).contains("sk");
        assertThat(policy.retention().duration()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.clockStart()).isEqualTo(ClockStart.CREATION);
        assertThat(policy.archivedCauses()).containsExactlyInAnyOrder(DeletionCause.TTL, DeletionCause.EXPIRED, DeletionCause.USER);
        assertThat(policy.destination().bucket().value()).isEqualTo("acme-archive");
        assertThat(policy.tiers()).extracting(StorageTier::storageClass).containsExactly(StorageClass.STANDARD_IA, StorageClass.GLACIER);
        assertThat(policy.archiveExpiryDays()).contains(365);
        assertThat(policy.locked()).isFalse();
    }

    @Test
    void everyBadField_isReportedAtOnce_withItsFieldName() {
        PolicyDraft bad = new PolicyDraft("x", "", null, null, "thirty days", "AT_NOON", List.of("TTL", "SWEEP"),
                "Acme_Archive", "/leading", List.of(new TierDraft("STANDARD_IA", 10), new TierDraft("TAPE", 90)),
                400, new LockDraft("FOREVER", 0), "", null);

        List<Violation> violations = invalid(bad);

        assertThat(violations).extracting(Violation::field).contains("table", "partitionKey", "ttlAttribute", "retention",
                "clockStart", "archivedCauses", "bucket", "prefix", "tiers[0].afterDays", "tiers[1].storageClass",
                "objectLock", "keyFilterPrefix");
        assertThat(reason(violations, "retention")).contains("thirty days").contains("P30D");
        assertThat(reason(violations, "archivedCauses")).contains("SWEEP");
        assertThat(reason(violations, "bucket")).contains("lowercase");
        assertThat(reason(violations, "tiers[0].afterDays")).contains("30").contains("STANDARD_IA");
    }

    @Test
    void missingRequiredFields_areEachNamed() {
        PolicyDraft empty = new PolicyDraft(null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(invalid(empty)).extracting(Violation::field)
                .containsExactlyInAnyOrder("table", "partitionKey", "ttlAttribute", "retention", "archivedCauses", "bucket");
    }

    @Test
    void noArchivedCause_isRejected() {
        assertThat(reason(invalid(withCauses(draft())), "archivedCauses")).contains("at least one");
    }

    @Test
    void ttlAttributeThatIsAKey_isRejected() {
        PolicyDraft d = draft();
        PolicyDraft ttlOnKey = new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), "sk", d.retention(), null,
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), null, null, false);

        assertThat(reason(invalid(ttlOnKey), "ttlAttribute")).contains("key attribute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "Acme", "acme_archive", "-acme", "acme-", "acme..archive", "192.168.1.1",
            "xn--acme", "sthree-acme", "amzn-s3-demo-acme", "acme-s3alias", "acme--ol-s3", "acme.mrap", "acme--x-s3",
            "acme--table-s3"})
    void bucketNamesBreakingS3Rules_areRejected(String bucket) {
        assertThat(invalid(withDestination(draft(), bucket, "archive"))).extracting(Violation::field).containsExactly("bucket");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "acme-archive", "acme.archive.eu", "1acme", "a-b-c-d-e-f-g-h-i-j-k-l-m-n-o-p-q-r-s-t-u-v-w-x-y-z-0123456789a"})
    void bucketNamesWithinS3Rules_areAccepted(String bucket) {
        assertThat(withDestination(draft(), bucket, "x").validate(ID, PolicyVersion.initial()))
                .isInstanceOf(PolicyDraft.Validation.Valid.class);
    }

    @Test
    void bucketNameOf64Characters_isRejected() {
        assertThat(reason(invalid(withDestination(draft(), "a".repeat(64), "")), "bucket")).contains("3 to 63");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/archive", "archive/", "a//b", "a/./b", "a/../b", "tab\there"})
    void malformedPrefixes_areRejected(String prefix) {
        assertThat(invalid(withDestination(draft(), "acme-archive", prefix))).extracting(Violation::field).containsExactly("prefix");
    }

    @Test
    void prefixOver256Bytes_isRejected_andEmptyPrefixMeansBucketRoot() {
        assertThat(invalid(withDestination(draft(), "acme-archive", "é".repeat(129)))).extracting(Violation::field)
                .containsExactly("prefix");
        assertThat(valid(withDestination(draft(), "acme-archive", "")).destination().prefix().asDirectory())
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "has space", "ünïcode", "slash/table"})
    void tableNamesBreakingDynamoDbRules_areRejected(String table) {
        PolicyDraft d = draft();
        PolicyDraft bad = new PolicyDraft(table, d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(), null,
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), null, null, false);
        assertThat(invalid(bad)).extracting(Violation::field).containsExactly("table");
    }

    @Test
    void tableNameOf256Characters_isRejected_255Accepted() {
        assertThat(invalid(withTable(draft(), "t".repeat(256)))).extracting(Violation::field).containsExactly("table");
        assertThat(valid(withTable(draft(), "t".repeat(255))).table().value()).hasSize(255);
    }

    @Test
    void ttlAttributeOver255Bytes_isRejected() {
        PolicyDraft d = draft();
        PolicyDraft bad = new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), "é".repeat(128), d.retention(), null,
                d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), null, null, false);
        assertThat(reason(invalid(bad), "ttlAttribute")).contains("256 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-P1D", "PT0.5S", "P36501D"})
    void retentionOutsideItsRange_isRejected(String retention) {
        assertThat(invalid(withRetention(draft(), retention))).extracting(Violation::field).containsExactly("retention");
    }

    @Test
    void tiersMustMoveDownTheWaterfall() {
        PolicyDraft upwards = withTiers(draft(), List.of(new TierDraft("GLACIER", 30), new TierDraft("STANDARD_IA", 90)), null);

        assertThat(reason(invalid(upwards), "tiers[1].storageClass")).contains("GLACIER").contains("STANDARD_IA");
    }

    @Test
    void oneZoneIa_cannotBeFollowedByGlacierInstantRetrieval() {
        PolicyDraft d = withTiers(draft(), List.of(new TierDraft("ONEZONE_IA", 30), new TierDraft("GLACIER_IR", 90)), null);

        assertThat(invalid(d)).extracting(Violation::field).containsExactly("tiers[1].storageClass");
    }

    @Test
    void aTierAfterAnInfrequentAccessTier_needsThirtyMoreDays() {
        PolicyDraft tooSoon = withTiers(draft(), List.of(new TierDraft("STANDARD_IA", 30), new TierDraft("GLACIER", 59)), null);
        PolicyDraft justRight = withTiers(draft(), List.of(new TierDraft("STANDARD_IA", 30), new TierDraft("GLACIER", 60)), null);

        assertThat(reason(invalid(tooSoon), "tiers[1].afterDays")).contains("at least 60").contains("30 days in STANDARD_IA");
        assertThat(justRight.validate(ID, PolicyVersion.initial())).isInstanceOf(PolicyDraft.Validation.Valid.class);
    }

    @Test
    void tiersMustBeInStrictlyIncreasingAge() {
        PolicyDraft sameDay = withTiers(draft(), List.of(new TierDraft("GLACIER_IR", 10), new TierDraft("GLACIER", 10)), null);

        assertThat(reason(invalid(sameDay), "tiers[1].afterDays")).contains("at least 11");
    }

    @Test
    void glacierClasses_mayTransitionOnDayZero_infrequentAccessNotBeforeDayThirty() {
        assertThat(withTiers(draft(), List.of(new TierDraft("GLACIER_IR", 0)), null).validate(ID, PolicyVersion.initial()))
                .isInstanceOf(PolicyDraft.Validation.Valid.class);
        assertThat(invalid(withTiers(draft(), List.of(new TierDraft("ONEZONE_IA", 29)), null)))
                .extracting(Violation::field).containsExactly("tiers[0].afterDays");
    }

    @Test
    void moreThanFiveTiers_areRejected() {
        List<TierDraft> six = List.of(new TierDraft("STANDARD_IA", 30), new TierDraft("INTELLIGENT_TIERING", 60),
                new TierDraft("ONEZONE_IA", 90), new TierDraft("GLACIER", 120), new TierDraft("DEEP_ARCHIVE", 210),
                new TierDraft("DEEP_ARCHIVE", 300));
        assertThat(invalid(withTiers(draft(), six, null))).extracting(Violation::field).contains("tiers");
    }

    @Test
    void finalExpiry_mustComeAfterTheLastTier() {
        PolicyDraft sameDay = withTiers(draft(), List.of(new TierDraft("GLACIER", 90)), 90);

        assertThat(reason(invalid(sameDay), "archiveExpiryDays")).contains("after the last tier").contains("GLACIER");
        assertThat(withTiers(draft(), List.of(new TierDraft("GLACIER", 90)), 91).validate(ID, PolicyVersion.initial()))
                .isInstanceOf(PolicyDraft.Validation.Valid.class);
    }

    @Test
    void finalExpiryOutsideItsRange_isRejected() {
        assertThat(invalid(withTiers(draft(), List.of(), 0))).extracting(Violation::field).containsExactly("archiveExpiryDays");
        assertThat(invalid(withTiers(draft(), List.of(), 36_501))).extracting(Violation::field).containsExactly("archiveExpiryDays");
    }

    @Test
    void objectLockPeriod_mustBeOneDayToHundredYears() {
        assertThat(reason(invalid(withLock(draft(), new LockDraft("COMPLIANCE", 0))), "objectLock")).contains("1 to 36500");
        assertThat(invalid(withLock(draft(), new LockDraft("COMPLIANCE", 36_501)))).extracting(Violation::field)
                .containsExactly("objectLock");
        assertThat(valid(withLock(draft(), new LockDraft("GOVERNANCE", 36_500))).objectLock())
                .contains(new ObjectLock(ObjectLockMode.GOVERNANCE, 36_500));
    }

    @Test
    void objectLockWithoutMode_namesTheMissingField() {
        assertThat(reason(invalid(withLock(draft(), new LockDraft(null, 10))), "objectLock")).contains("objectLock.mode");
    }

    @Test
    void advice_warnsOfEarlyDeletionCharges_andOfALockOutlastingExpiry() {
        RetentionPolicy policy = valid(withLock(withTiers(draft(),
                List.of(new TierDraft("GLACIER", 10)), 40), new LockDraft("GOVERNANCE", 100)));

        assertThat(PolicyRules.advice(policy)).hasSize(2)
                .anySatisfy(a -> assertThat(a).contains("30 days in GLACIER").contains("90"))
                .anySatisfy(a -> assertThat(a).contains("retention beats deletion"));
        assertThat(PolicyRules.advice(valid(draft()))).isEmpty();
    }

    @Test
    void toPolicy_throwsWithAllViolations() {
        assertThatThrownBy(() -> withRetention(withCauses(draft()), "P0D").toPolicy(ID, PolicyVersion.initial()))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactlyInAnyOrder("retention", "archivedCauses"));
    }

    @Test
    void aPolicyCannotBeConstructedInvalid_evenWithoutADraft() {
        RetentionPolicy valid = valid(draft());
        assertThatThrownBy(() -> new RetentionPolicy(valid.id(), valid.version(), valid.table(), valid.keySchema(),
                valid.ttlAttribute(), valid.retention(), valid.clockStart(), java.util.Set.of(), valid.destination(),
                valid.tiers(), valid.archiveExpiryDays(), valid.objectLock(), valid.keyFilter(), false))
                .isInstanceOf(InvalidPolicyException.class);
    }

    @Test
    void policyIdsAndVersions_checkThemselves() {
        assertThatThrownBy(() -> PolicyId.of("Orders")).hasMessageContaining("'Orders'");
        assertThatThrownBy(() -> PolicyId.of("-orders")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyVersion.of(0)).hasMessageContaining("at least 1");
        assertThat(PolicyVersion.initial().next()).isEqualTo(PolicyVersion.of(2));
    }

    @Test
    void clockStartAndEnums_listTheAllowedValuesWhenWrong() {
        PolicyDraft d = draft();
        PolicyDraft bad = new PolicyDraft(d.table(), d.partitionKey(), d.sortKey(), d.ttlAttribute(), d.retention(),
                "creation", d.archivedCauses(), d.bucket(), d.prefix(), d.tiers(), d.archiveExpiryDays(), null, null, false);
        assertThat(reason(invalid(bad), "clockStart")).contains(Arrays.toString(ClockStart.values()));
    }

    private static List<Violation> invalid(PolicyDraft draft) {
        PolicyDraft.Validation validation = draft.validate(ID, PolicyVersion.initial());
        assertThat(validation).isInstanceOf(PolicyDraft.Validation.Invalid.class);
        return ((PolicyDraft.Validation.Invalid) validation).violations();
    }

    private static String reason(List<Violation> violations, String field) {
        return violations.stream().filter(v -> v.field().equals(field)).map(Violation::reason).findFirst()
                .orElseThrow(() -> new AssertionError("no violation for " + field + " in " + violations));
    }

    private static RetentionPolicy valid(PolicyDraft draft) {
        return draft.toPolicy(ID, PolicyVersion.initial());
    }
}
