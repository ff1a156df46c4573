package dev.lifecycle.domain.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.policy.Violation;
import org.junit.jupiter.api.Test;

class CostAssumptionsTest {

    private static CostAssumptions.Draft only(Long deletionsPerDay, Integer averageItemBytes) {
        return new CostAssumptions.Draft(deletionsPerDay, averageItemBytes, null, null, null, null, null, null, null, null, null, null,
                null, null);
    }

    @Test
    void aDraftWithTheTwoFigures_getsTheDeploymentTemplatesDefaults() {
        CostAssumptions assumptions = only(1_000_000L, 2048).toAssumptions();

        assertThat(assumptions.months()).isEqualTo(12);
        assertThat(assumptions.restoresPerMonth()).isZero();
        assertThat(assumptions.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(assumptions.memoryMb()).isEqualTo(1024);
        assertThat(assumptions.batchSize()).isEqualTo(1000);
        assertThat(assumptions.batchingWindowSeconds()).isEqualTo(5);
        assertThat(assumptions.shards()).isEqualTo(1);
        assertThat(assumptions.compressionRatio()).isEqualTo(0.25);
        assertThat(assumptions.entryBytes()).isEqualTo(2048 + 1024);
        assertThat(assumptions.versionedBucket()).isTrue();
        assertThat(CostAssumptions.of(1_000_000, 2048)).isEqualTo(assumptions);
    }

    @Test
    void missingFigures_areEachNamed() {
        assertThatThrownBy(() -> only(null, null).toAssumptions())
                .isInstanceOfSatisfying(InvalidCostAssumptionsException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("deletionsPerDay", "averageItemBytes"));
    }

    @Test
    void everyValueOutOfRange_isReportedAtOnce_withTheValue() {
        CostAssumptions.Draft draft = new CostAssumptions.Draft(0L, 409_601, 121, -1L, "sparc", 64, 10_001, 301, 0, -1.0, -1.0, 0.0,
                70_000, null);

        assertThatThrownBy(draft::toAssumptions).isInstanceOfSatisfying(InvalidCostAssumptionsException.class, e -> {
            assertThat(e.violations()).extracting(Violation::field).containsExactly("architecture", "deletionsPerDay",
                    "averageItemBytes", "months", "restoresPerMonth", "memoryMb", "batchSize", "batchingWindowSeconds", "shards",
                    "invocationOverheadMs", "perRecordMs", "compressionRatio", "entryOverheadBytes");
            assertThat(e.violations()).contains(new Violation("averageItemBytes", "must be from 1 to 409600, was 409601"),
                    new Violation("architecture", "must be arm64 or x86_64, was 'sparc'"));
        });
    }

    @Test
    void theLimits_areInclusive() {
        new CostAssumptions(CostAssumptions.MAX_DELETIONS_PER_DAY, CostAssumptions.MAX_ITEM_BYTES, 120, 0, Architecture.X86_64, 10_240,
                10_000, 300, 1, 0, 0, 1, 0, false);
        new CostAssumptions(1, 1, 1, CostAssumptions.MAX_RESTORES_PER_MONTH, Architecture.ARM64, 128, 1, 0, 100_000, 900_000, 900_000,
                0.01, 65_536, true);
    }

    @Test
    void architectures_areNamedAsLambdaNamesThem() {
        assertThat(new CostAssumptions.Draft(1L, 1, null, null, "x86_64", null, null, null, null, null, null, null, null, null)
                .toAssumptions().architecture()).isEqualTo(Architecture.X86_64);
    }
}
