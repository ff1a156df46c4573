package dev.lifecycle.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerCountsTest {

    @Test
    void countsWhoseOutcomesDoNotAddUpToReceived_areRefused_namingEachCounter() {
        assertThatThrownBy(() -> new LedgerCounts(3, 1, 0, Map.of(), 1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("received (3) must equal archived (1) + alreadyArchived (0) + skipped (0) + failed (1)");
    }

    @Test
    void moreUndecodableThanFailed_isRefused() {
        assertThatThrownBy(() -> new LedgerCounts(1, 1, 0, Map.of(), 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("undecodable (1)");
    }

    @Test
    void aNegativeCounter_isRefused() {
        assertThatThrownBy(() -> new LedgerCounts(0, -1, 1, Map.of(), 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("archived must not be negative, was -1");
    }

    @Test
    void skipsOfEveryKind_arePresent_zeroWhenNotCounted() {
        LedgerCounts counts = LedgerCounts.oneSkipped(SkipKind.KEY_OUTSIDE_FILTER);

        assertThat(counts.skipped()).containsOnlyKeys(SkipKind.values());
        assertThat(counts.skipped(SkipKind.NO_OLD_IMAGE)).isZero();
        assertThat(counts.skippedTotal()).isEqualTo(1);
    }

    @Test
    void plus_addsEveryCounter() {
        LedgerCounts sum = LedgerCounts.oneArchived().plus(LedgerCounts.oneUndecodable()).plus(LedgerCounts.oneSkipped(SkipKind.NO_OLD_IMAGE));

        assertThat(sum).isEqualTo(new LedgerCounts(3, 1, 0, Map.of(SkipKind.NO_OLD_IMAGE, 1L), 1, 1));
    }
}
