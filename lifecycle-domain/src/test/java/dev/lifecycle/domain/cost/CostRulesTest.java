package dev.lifecycle.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lifecycle.domain.cost.CostRules.Residence;
import dev.lifecycle.domain.cost.CostRules.Stay;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CostRulesTest {

    private static final int KIB = 1024;

    @Test
    void elevenRecordsASecond_withAFiveSecondWindow_makeBatchesOfAbout58_andOneInvocationPerWindow() {
        Throughput throughput = CostRules.throughput(Assume.of(1_000_000, 2048).get(), 2);

        assertThat(throughput.recordsPerSecondPerShard()).isCloseTo(1_000_000 / 86_400.0, within(1e-9));
        assertThat(throughput.recordsPerBatch()).isCloseTo(1_000_000 / 86_400.0 * 5, within(1e-9));
        assertThat(throughput.invocationsPerDay()).isCloseTo(86_400 / 5.0, within(1e-6));
        assertThat(throughput.invocationsPerMonth()).isCloseTo(518_400, within(1e-6));
        assertThat(throughput.partitionsPerBatch()).isEqualTo(2);
    }

    @Test
    void durationIsTheOverheadPlusACostPerRecord_billedAtTheMemorySize() {
        Throughput throughput = CostRules.throughput(Assume.of(1_000_000, 2048).get(), 1);

        double records = 1_000_000 / 86_400.0 * 5;
        assertThat(throughput.durationMsPerInvocation()).isCloseTo(100 + records, within(1e-9));
        // 17,280 invocations a day of (100 + 57.87) ms at 1 GB
        assertThat(throughput.gbSecondsPerDay()).isCloseTo(17_280 * (100 + records) / 1000, within(1e-6));
    }

    @Test
    void aBusyShard_fillsTheBatchSizeBeforeTheWindowEnds() {
        Throughput throughput = CostRules.throughput(Assume.of(100_000_000, 2048).get(), 1);

        assertThat(throughput.recordsPerBatch()).isEqualTo(1000);
        assertThat(throughput.invocationsPerDay()).isCloseTo(100_000, within(1e-6));
    }

    @Test
    void largeItems_areCappedByTheSixMegabytePayload() {
        // 400 KB items: 6 MiB holds 15 entries of 409,600 + 1,024 bytes
        Throughput throughput = CostRules.throughput(Assume.of(10_000_000, 409_600).envelope(1024).get(), 1);

        assertThat(throughput.recordsPerBatch()).isEqualTo(15);
    }

    @Test
    void aTrickle_invokesTheFunctionForEachRecord() {
        Throughput throughput = CostRules.throughput(Assume.of(1_000, 2048).get(), 3);

        assertThat(throughput.recordsPerBatch()).isEqualTo(1);
        assertThat(throughput.invocationsPerDay()).isEqualTo(1_000);
        assertThat(throughput.partitionsPerBatch()).as("one record is one partition").isEqualTo(1);
    }

    @Test
    void noBatchingWindow_stillGathersForOnePoll_aQuarterSecond() {
        Throughput throughput = CostRules.throughput(Assume.of(8_640_000, 2048).window(0).get(), 1);

        assertThat(throughput.recordsPerBatch()).isCloseTo(100 * 0.25, within(1e-9));
    }

    @Test
    void shards_shareTheRecords_soEachBatchIsSmaller() {
        Throughput throughput = CostRules.throughput(Assume.of(8_640_000, 2048).shards(4).get(), 1);

        assertThat(throughput.recordsPerSecondPerShard()).isCloseTo(25, within(1e-9));
        assertThat(throughput.recordsPerBatch()).isCloseTo(125, within(1e-9));
    }

    @Test
    void objectsUnder128KiB_areNotTransitioned() {
        assertThat(CostRules.transitions(128 * KIB - 1)).isFalse();
        assertThat(CostRules.transitions(128 * KIB)).isTrue();
    }

    @Test
    void infrequentAccessAndGlacierInstantRetrieval_billAtLeast128KiBAnObject() {
        assertThat(CostRules.billedBytes(BillingClass.STANDARD_IA, 3 * KIB)).containsExactly(Map.entry(BillingClass.STANDARD_IA, 131_072.0));
        assertThat(CostRules.billedBytes(BillingClass.ONEZONE_IA, 3 * KIB)).containsExactly(Map.entry(BillingClass.ONEZONE_IA, 131_072.0));
        assertThat(CostRules.billedBytes(BillingClass.GLACIER_IR, 3 * KIB)).containsExactly(Map.entry(BillingClass.GLACIER_IR, 131_072.0));
        assertThat(CostRules.billedBytes(BillingClass.GLACIER_IR, 200_000)).containsExactly(Map.entry(BillingClass.GLACIER_IR, 200_000.0));
        assertThat(CostRules.billedBytes(BillingClass.STANDARD, 3 * KIB)).containsExactly(Map.entry(BillingClass.STANDARD, 3072.0));
    }

    @Test
    void glacierAndDeepArchive_bill32KiBMoreThere_and8KiBInStandard() {
        assertThat(CostRules.billedBytes(BillingClass.GLACIER, 3 * KIB))
                .containsOnly(Map.entry(BillingClass.GLACIER, 35.0 * KIB), Map.entry(BillingClass.STANDARD, 8.0 * KIB));
        assertThat(CostRules.billedBytes(BillingClass.DEEP_ARCHIVE, 3 * KIB))
                .containsOnly(Map.entry(BillingClass.DEEP_ARCHIVE, 35.0 * KIB), Map.entry(BillingClass.STANDARD, 8.0 * KIB));
    }

    @Test
    void inAVersionedBucket_anArchiveIsBilled30DaysPastItsExpiry() {
        assertThat(CostRules.lifetimeDays(Assume.policy(365), true)).hasValue(395);
        assertThat(CostRules.lifetimeDays(Assume.policy(365), false)).hasValue(365);
    }

    @Test
    void withoutExpiry_anArchiveIsBilledForEver() {
        assertThat(CostRules.lifetimeDays(Assume.policy(null), true)).isEmpty();
    }

    @Test
    void objectLockLongerThanTheExpiry_keepsTheVersionUntilTheLockEnds() {
        assertThat(CostRules.lifetimeDays(Assume.policy(365, 1000, List.of("TTL")), true)).hasValue(1000);
        assertThat(CostRules.lifetimeDays(Assume.policy(365, 100, List.of("TTL")), true)).hasValue(395);
    }

    @Test
    void storageGrowsUntilTheFirstMonthThatStartsOnTheLastDayOfAnObjectsLife() {
        assertThat(CostRules.steadyFromMonth(OptionalInt.of(395))).hasValue(15);
        assertThat(CostRules.steadyFromMonth(OptionalInt.of(30))).hasValue(2);
        assertThat(CostRules.steadyFromMonth(OptionalInt.of(31))).hasValue(2);
        assertThat(CostRules.steadyFromMonth(OptionalInt.of(32))).hasValue(3);
        assertThat(CostRules.steadyFromMonth(OptionalInt.empty())).isEmpty();
    }

    @Test
    void aLargeObject_followsThePolicysTiers_untilItsLifeEnds() {
        List<Stay> stays = CostRules.stays(Assume.policy(365, "STANDARD_IA@30", "GLACIER@90"), 200_000, OptionalInt.of(395));

        assertThat(stays).containsExactly(
                new Stay(BillingClass.STANDARD, 0, 30, false, 0),
                new Stay(BillingClass.STANDARD_IA, 30, 90, true, 30),
                new Stay(BillingClass.GLACIER, 90, 395, true, 90));
        assertThat(stays).allSatisfy(stay -> assertThat(stay.daysBilledEarly()).isZero());
    }

    @Test
    void aSmallObject_staysInStandard_whateverTheTiersSay() {
        List<Stay> stays = CostRules.stays(Assume.policy(365, "STANDARD_IA@30", "GLACIER@90"), 3 * KIB, OptionalInt.of(395));

        assertThat(stays).containsExactly(new Stay(BillingClass.STANDARD, 0, 395, false, 0));
    }

    @Test
    void leavingAClassBeforeItsMinimum_billsTheDaysLeft() {
        List<Stay> stays = CostRules.stays(Assume.policy(11, "GLACIER_IR@1"), 200_000, OptionalInt.of(11));

        assertThat(stays.get(1)).isEqualTo(new Stay(BillingClass.GLACIER_IR, 1, 11, true, 90));
        assertThat(stays.get(1).daysBilledEarly()).isEqualTo(80);
    }

    @Test
    void aTierAtDayZero_leavesNoStayInStandard() {
        assertThat(CostRules.stays(Assume.policy(null, "GLACIER@0"), 200_000, OptionalInt.empty()))
                .containsExactly(new Stay(BillingClass.GLACIER, 0, CostRules.FOREVER, true, 90));
    }

    @Test
    void intelligentTiering_movesAnUnreadObjectToInfrequentAfter30Days_andArchiveInstantAfter90() {
        Stay stay = new Stay(BillingClass.INTELLIGENT_TIERING_FREQUENT, 10, 200, true, 0);

        assertThat(CostRules.residences(stay)).containsExactly(
                new Residence(BillingClass.INTELLIGENT_TIERING_FREQUENT, 10, 40),
                new Residence(BillingClass.INTELLIGENT_TIERING_INFREQUENT, 40, 100),
                new Residence(BillingClass.INTELLIGENT_TIERING_ARCHIVE_INSTANT, 100, 200));
        assertThat(CostRules.residences(new Stay(BillingClass.INTELLIGENT_TIERING_FREQUENT, 10, 30, true, 0)))
                .containsExactly(new Residence(BillingClass.INTELLIGENT_TIERING_FREQUENT, 10, 30));
    }

    @Test
    void onAGivenDay_aResidenceHoldsTheObjectsOfEachDayWhoseAgeFallsInIt() {
        Residence ia = new Residence(BillingClass.STANDARD_IA, 30, 90);

        assertThat(ia.writeDaysPresentOn(29)).isZero();
        assertThat(ia.writeDaysPresentOn(30)).isEqualTo(1);
        assertThat(ia.writeDaysPresentOn(89)).isEqualTo(60);
        assertThat(ia.writeDaysPresentOn(500)).isEqualTo(60);
        assertThat(new Residence(BillingClass.STANDARD, 0, CostRules.FOREVER).writeDaysPresentOn(9)).isEqualTo(10);
    }

    @Test
    void aRestoredItem_isReadStronglyConsistent_andWrittenBack_inRequestUnits() {
        assertThat(CostRules.restoreReadUnits(2048)).isEqualTo(1);
        assertThat(CostRules.restoreReadUnits(4097)).isEqualTo(2);
        assertThat(CostRules.restoreWriteUnits(2048)).isEqualTo(2);
        assertThat(CostRules.restoreWriteUnits(2049)).isEqualTo(3);
    }
}
