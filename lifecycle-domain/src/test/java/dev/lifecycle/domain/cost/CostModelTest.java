package dev.lifecycle.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lifecycle.domain.policy.RetentionPolicy;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** The model's arithmetic on cases small enough to work out by hand (the expected values show the working). */
class CostModelTest {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final Offset<Double> CENT_FRACTION = within(1e-9);
    /** 4,096 items of 256 KiB a day: exactly 1 GiB a day. */
    private static final int QUARTER_MIB = 256 * 1024;

    private static CostEstimate roundPrices(RetentionPolicy policy, Assume assume) {
        return new CostModel(Prices.round()).estimate(policy, assume.get());
    }

    private static CostEstimate listPrices(RetentionPolicy policy, Assume assume) {
        return new CostModel(Prices.list()).estimate(policy, assume.get());
    }

    @Test
    void withoutTiersOrExpiry_standardStorageGrowsByOneDaysObjectsADay() {
        CostEstimate estimate = roundPrices(Assume.policy(null), Assume.of(4096, QUARTER_MIB));

        // day t holds t + 1 GiB: month 1 sums 1..30 GiB-days, month 2 sums 31..60; a GB-month is 30 GiB-days
        assertThat(estimate.perItem().month(1).storage().get(BillingClass.STANDARD).gbMonths()).isCloseTo(465 / 30.0, CENT_FRACTION);
        assertThat(estimate.perItem().month(2).storage().get(BillingClass.STANDARD).gbMonths()).isCloseTo(1365 / 30.0, CENT_FRACTION);
        assertThat(estimate.perItem().month(2).storageTotal()).isCloseTo(1365 / 30.0 * 1, CENT_FRACTION);
        assertThat(estimate.perItem().steadyFromMonth()).isEmpty();
    }

    @Test
    void perItem_putsOneObjectPerRemoval() {
        CostEstimate estimate = roundPrices(Assume.policy(null), Assume.of(4096, QUARTER_MIB));

        assertThat(estimate.perItem().objectsPerMonth()).isEqualTo(4096 * 30);
        assertThat(estimate.perItem().month(1).s3Puts()).isCloseTo(4096 * 30 / 1000.0, CENT_FRACTION);
    }

    @Test
    void inAVersionedBucket_expiredVersionsAreBilledThirtyDaysMore() {
        CostEstimate versioned = roundPrices(Assume.policy(10), Assume.of(4096, QUARTER_MIB));
        CostEstimate unversioned = roundPrices(Assume.policy(10), Assume.of(4096, QUARTER_MIB).unversioned());

        // versioned: objects live 40 days. Month 2: days 30..38 hold 31..39 GiB, days 39..59 hold 40 GiB
        assertThat(versioned.perItem().month(2).storageTotal()).isCloseTo((315 + 21 * 40) / 30.0, CENT_FRACTION);
        assertThat(versioned.archiveLifetimeDays()).hasValue(40);
        assertThat(versioned.perItem().steadyFromMonth()).hasValue(3);
        // unversioned: 10 days. Month 1: days 0..9 hold 1..10 GiB, days 10..29 hold 10 GiB
        assertThat(unversioned.perItem().month(1).storageTotal()).isCloseTo((55 + 20 * 10) / 30.0, CENT_FRACTION);
        assertThat(unversioned.perItem().month(2).storageTotal()).isCloseTo(10, CENT_FRACTION);
        assertThat(unversioned.perItem().steadyFromMonth()).hasValue(2);
        assertThat(unversioned.perItem().steadyMonth()).hasValueSatisfying(month ->
                assertThat(month.storageTotal()).isCloseTo(10, CENT_FRACTION));
    }

    @Test
    void objectsUnder128KiB_stayInStandard_despiteTheTiers() {
        CostEstimate estimate = roundPrices(Assume.policy(null, "STANDARD_IA@30"), Assume.of(1000, 128 * 1024 - 1));

        assertThat(estimate.perItem().transitioned()).isFalse();
        assertThat(estimate.perItem().month(2).storage()).containsOnlyKeys(BillingClass.STANDARD);
        assertThat(estimate.perItem().month(2).transitions()).isZero();
        assertThat(estimate.notes()).anySatisfy(note -> assertThat(note).startsWith("Per-item objects (about 131,071 bytes) are under 128 KiB"));
    }

    @Test
    void objectsOf128KiB_moveToTheTier_andEachTransitionIsBilled() {
        CostEstimate estimate = roundPrices(Assume.policy(null, "STANDARD_IA@30"), Assume.of(1000, 128 * 1024));

        CostLines month2 = estimate.perItem().month(2);
        assertThat(estimate.perItem().transitioned()).isTrue();
        // the objects of days 0..29 reach 30 days on days 30..59: 30,000 transitions at $1 per 1,000
        assertThat(estimate.perItem().month(1).transitions()).isZero();
        assertThat(month2.transitions()).isCloseTo(30, CENT_FRACTION);
        // STANDARD holds the last 30 days' objects every day of month 2; STANDARD_IA holds 1..30 days' worth
        double objectGib = 128 * 1024 / GIB;
        assertThat(month2.storage().get(BillingClass.STANDARD).gbMonths()).isCloseTo(30 * 30 * 1000 * objectGib / 30, CENT_FRACTION);
        assertThat(month2.storage().get(BillingClass.STANDARD_IA).gbMonths()).isCloseTo(465 * 1000 * objectGib / 30, CENT_FRACTION);
        assertThat(month2.storage().get(BillingClass.STANDARD_IA).cost()).isCloseTo(465 * 1000 * objectGib / 30 * 0.5, CENT_FRACTION);
    }

    @Test
    void expiringBeforeAClassMinimum_billsTheRestOfTheMinimum() {
        CostEstimate estimate = roundPrices(Assume.policy(11, "GLACIER_IR@1"), Assume.of(1000, 128 * 1024).unversioned());

        CostLines month1 = estimate.perItem().month(1);
        // objects spend days 1..10 in GLACIER_IR (minimum 90): those written on days 0..18 expire in month 1, 80 days short
        assertThat(month1.earlyDeletion()).isCloseTo(19 * 1000 * 80 * (128 * 1024 / GIB) / 30 * 0.1, CENT_FRACTION);
        // and the transitions of days 1..29
        assertThat(month1.transitions()).isCloseTo(29, CENT_FRACTION);
    }

    @Test
    void glacier_billsEachObjectsIndexThere_andItsMetadataInStandard() {
        CostEstimate estimate = roundPrices(Assume.policy(null, "GLACIER@1"), Assume.of(1000, 128 * 1024).months(1));

        CostLines month1 = estimate.perItem().month(1);
        // GLACIER holds 0..29 days' objects over month 1 (435 write-days), STANDARD holds one day's (30 write-days)
        double glacierGbMonths = 435 * 1000 * (160 * 1024 / GIB) / 30;
        double standardGbMonths = 30 * 1000 * (128 * 1024 / GIB) / 30 + 435 * 1000 * (8 * 1024 / GIB) / 30;
        assertThat(month1.storage().get(BillingClass.GLACIER).gbMonths()).isCloseTo(glacierGbMonths, CENT_FRACTION);
        assertThat(month1.storage().get(BillingClass.STANDARD).gbMonths()).isCloseTo(standardGbMonths, CENT_FRACTION);
        assertThat(month1.storageTotal()).isCloseTo(glacierGbMonths * 0.1 + standardGbMonths * 1, CENT_FRACTION);
    }

    @Test
    void intelligentTiering_billsMonitoringPerObjectMonth_andMovesUnreadObjectsDown() {
        CostEstimate estimate = roundPrices(Assume.policy(null, "INTELLIGENT_TIERING@1"), Assume.of(1000, 128 * 1024).months(2));

        // 435 write-days of objects in Intelligent-Tiering in month 1: 14,500 object-months at $1 per 1,000
        assertThat(estimate.perItem().month(1).intelligentTieringMonitoring()).isCloseTo(14.5, CENT_FRACTION);
        assertThat(estimate.perItem().month(1).storage()).doesNotContainKey(BillingClass.INTELLIGENT_TIERING_INFREQUENT);
        // an object enters on day 1 and turns infrequent 30 days later: on days 31..59 the archive holds 1..29 days' worth
        assertThat(estimate.perItem().month(2).storage().get(BillingClass.INTELLIGENT_TIERING_INFREQUENT).gbMonths())
                .isCloseTo(435 * 1000 * (128 * 1024 / GIB) / 30, CENT_FRACTION);
    }

    @Test
    void lambda_billsEachInvocation_andItsGigabyteSeconds_atTheArchitecturesPrice() {
        CostEstimate arm = listPrices(Assume.policy(365), Assume.of(1_000_000, 2048));
        CostEstimate x86 = listPrices(Assume.policy(365), Assume.of(1_000_000, 2048).x86());

        double records = 1_000_000 / 86_400.0 * 5;
        double gbSeconds = 518_400 * (100 + records) / 1000;
        assertThat(arm.perItem().month(1).lambdaRequests()).isCloseTo(518_400 / 1e6 * 0.20, CENT_FRACTION);
        assertThat(arm.perItem().month(1).lambdaDuration()).isCloseTo(gbSeconds * 0.0000133334, CENT_FRACTION);
        assertThat(x86.perItem().month(1).lambdaDuration()).isCloseTo(gbSeconds * 0.0000166667, CENT_FRACTION);
        assertThat(arm.batched().month(1).lambdaDuration()).as("assumed the same for batches").isEqualTo(arm.perItem().month(1).lambdaDuration());
    }

    @Test
    void theLedger_writesOncePerBatchAndArchivedCause() {
        CostEstimate twoCauses = listPrices(Assume.policy(365, null, List.of("TTL", "USER")), Assume.of(1_000_000, 2048));
        CostEstimate oneCause = listPrices(Assume.policy(365), Assume.of(1_000_000, 2048));

        assertThat(twoCauses.perItem().month(1).ledgerWrites()).isCloseTo(2 * 518_400 / 1e6 * 0.625, CENT_FRACTION);
        assertThat(oneCause.perItem().month(1).ledgerWrites()).isCloseTo(518_400 / 1e6 * 0.625, CENT_FRACTION);
        assertThat(twoCauses.batched().month(1).ledgerWrites()).isEqualTo(twoCauses.perItem().month(1).ledgerWrites());
    }

    @Test
    void batched_putsOneCompressedObjectPerBatchAndCause() {
        CostEstimate estimate = listPrices(Assume.policy(365, null, List.of("TTL", "USER")), Assume.of(1_000_000, 2048).envelope(1024));

        double records = 1_000_000 / 86_400.0 * 5;
        assertThat(estimate.batched().objectsPerMonth()).isCloseTo(2 * 518_400, within(1e-6));
        // each batch object and its index: two PUTs
        assertThat(estimate.batched().month(1).s3Puts()).isCloseTo(2 * 2 * 518_400 / 1000.0 * 0.005, CENT_FRACTION);
        assertThat(estimate.batched().entriesPerObject()).isCloseTo(records / 2, CENT_FRACTION);
        assertThat(estimate.batched().objectBytes()).isCloseTo(records / 2 * 3072 * 0.25, within(1e-6));
        assertThat(estimate.perItem().month(1).s3Puts()).isCloseTo(30_000_000 / 1000.0 * 0.005, CENT_FRACTION);
        assertThat(estimate.savingIn(1)).isCloseTo(estimate.perItem().month(1).total() - estimate.batched().month(1).total(), CENT_FRACTION);
        assertThat(estimate.notes()).first().asString().startsWith("The policy archives PER_ITEM (archiveLayout)");
    }

    @Test
    void restoresInPlace_payTheirGetsAndTheDynamoDbReadAndWrite() {
        CostEstimate estimate = listPrices(Assume.policy(365), Assume.of(1_000_000, 2048).restores(1_000_000));

        // per item: one GET of a STANDARD object; batched: the index and the entry's range, two GETs. Both: 1 RRU + 2 WRU
        double dynamoDb = 2 * 0.625 + 1 * 0.125;
        assertThat(estimate.perItem().month(1).restores()).isCloseTo(0.0004 * 1000 + dynamoDb, CENT_FRACTION);
        assertThat(estimate.batched().month(1).restores()).isCloseTo(2 * 0.0004 * 1000 + dynamoDb, CENT_FRACTION);
    }

    @Test
    void restoresFromGlacier_restoreTheWholeObjectFirst_inTheShareTheArchiveHoldsThere() {
        CostEstimate estimate = roundPrices(Assume.policy(null, "GLACIER@1"), Assume.of(1000, 128 * 1024).months(1).restores(1000));

        // month 1: STANDARD holds 30 write-days, GLACIER 435. STANDARD: a GET ($0.001). GLACIER: a GET, a restore request
        // ($0.001) and the whole object retrieved ($1 a GB). Then 128 WRU + 32 RRU at $1 per million.
        double standard = 0.001;
        double glacier = 0.001 + 0.001 + 128 * 1024 / GIB;
        double expected = 1000 * (30 / 465.0 * standard + 435 / 465.0 * glacier + 160 / 1e6);
        assertThat(estimate.perItem().month(1).restores()).isCloseTo(expected, CENT_FRACTION);
    }

    @Test
    void aLockedPolicy_cannotBeEstimatedForAnUnversionedBucket() {
        assertThatThrownBy(() -> roundPrices(Assume.policy(365, 30, List.of("TTL")), Assume.of(1000, 2048).unversioned()))
                .isInstanceOfSatisfying(InvalidCostAssumptionsException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("versionedBucket")));
    }

    @Test
    void theTotal_isTheSumOfTheMonths_andEachMonthTheSumOfItsLines() {
        CostEstimate estimate = listPrices(Assume.policy(365, "STANDARD_IA@30", "GLACIER_IR@90"),
                Assume.of(5_000_000, 200_000).months(14).restores(10_000));

        double sum = 0;
        for (CostLines month : estimate.perItem().months()) {
            sum += month.total();
            assertThat(month.total()).isCloseTo(month.lambdaRequests() + month.lambdaDuration() + month.s3Puts() + month.transitions()
                    + month.storageTotal() + month.earlyDeletion() + month.intelligentTieringMonitoring() + month.ledgerWrites()
                    + month.restores(), within(1e-6));
        }
        assertThat(estimate.perItem().total().total()).isCloseTo(sum, within(1e-6));
        assertThat(estimate.perItem().months()).hasSize(14);
    }

    @Test
    void once14MonthsHavePassed_aYearsArchive_costsTheSameEveryMonth() {
        CostEstimate estimate = listPrices(Assume.policy(365), Assume.of(1_000_000, 2048).months(16));

        assertThat(estimate.perItem().steadyFromMonth()).hasValue(15);
        assertThat(estimate.perItem().month(16).total()).isCloseTo(estimate.perItem().month(15).total(), within(1e-9));
        assertThat(estimate.perItem().month(14).total()).isLessThan(estimate.perItem().month(15).total());
        assertThat(estimate.perItem().steadyMonth()).hasValueSatisfying(month ->
                assertThat(month.total()).isCloseTo(estimate.perItem().month(15).total(), within(1e-9)));
    }
}
