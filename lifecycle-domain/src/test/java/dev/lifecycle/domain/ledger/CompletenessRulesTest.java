package dev.lifecycle.domain.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.ledger.CompletenessRules.Judgement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletenessRulesTest {

    private static final LocalDate DAY = LocalDate.parse("2026-11-22");
    private static final LocalDate CLOSED = DAY.plusDays(3);

    private static LedgerCounts archived(long n) {
        return new LedgerCounts(n, n, 0, Map.of(), 0, 0);
    }

    private static Judgement judge(LedgerCounts total, long present) {
        return CompletenessRules.judge(total, present, DAY, Optional.of(365), CLOSED);
    }

    @Test
    void asManyObjectsAsWritten_andNoFailure_isComplete() {
        Judgement judgement = judge(archived(5).plus(LedgerCounts.oneAlreadyArchived()), 5);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(judgement.findings()).containsExactly("all 5 archive objects the processor wrote are present");
    }

    @Test
    void fewerObjectsThanWritten_isMissingObjects_withTheNumberGone() {
        Judgement judgement = judge(archived(5), 3);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.MISSING_OBJECTS);
        assertThat(judgement.findings()).first().asString().startsWith("2 of the 5 objects the processor wrote are not present");
    }

    @Test
    void fewerObjectsThanWritten_afterThePolicysArchiveExpiry_isArchivesExpired() {
        Judgement judgement = CompletenessRules.judge(archived(5), 0, DAY, Optional.of(30), DAY.plusDays(30));

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.ARCHIVES_EXPIRED);
    }

    @Test
    void moreObjectsThanCounted_isUnaccountedObjects_notLoss() {
        Judgement judgement = judge(archived(2), 3);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.UNACCOUNTED_OBJECTS);
        assertThat(judgement.findings()).first().asString().contains("no data is lost");
    }

    @Test
    void failedAttempts_areFailuresToCheck_pointingToTheFailureQueue() {
        Judgement judgement = judge(archived(2).plus(LedgerCounts.oneFailed()).plus(LedgerCounts.oneUndecodable()), 2);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.FAILURES_TO_CHECK);
        assertThat(judgement.findings()).anySatisfy(f -> assertThat(f).startsWith("2 deliveries failed (1 of them undecodable)")
                .contains("failure queue"));
    }

    @Test
    void removalsSkippedForWantOfAnOldImage_areNotArchivable() {
        Judgement judgement = judge(archived(1).plus(LedgerCounts.oneSkipped(SkipKind.NO_OLD_IMAGE)), 1);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.REMOVALS_NOT_ARCHIVABLE);
    }

    @Test
    void skipsByThePolicysDesign_leaveTheDayComplete_andAreNamed() {
        Judgement judgement = judge(archived(1).plus(LedgerCounts.oneSkipped(SkipKind.CAUSE_NOT_ARCHIVED)), 1);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(judgement.findings()).contains("1 removal deliveries were skipped by the policy (a cause it does not archive, or a key"
                + " outside its filter)");
    }

    @Test
    void missingObjects_outrankFailures_andBothAreFound() {
        Judgement judgement = judge(archived(3).plus(LedgerCounts.oneFailed()), 1);

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.MISSING_OBJECTS);
        assertThat(judgement.findings()).hasSize(2);
    }

    @Test
    void nothingCounted_andNothingPresent_isNoData() {
        assertThat(judge(LedgerCounts.none(), 0).verdict()).isEqualTo(CompletenessVerdict.NO_DATA);
    }

    @Test
    void objectsWithoutAnyLedgerCount_areUnaccounted() {
        assertThat(judge(LedgerCounts.none(), 4).verdict()).isEqualTo(CompletenessVerdict.UNACCOUNTED_OBJECTS);
    }

    @Test
    void aDayWhoseStreamRecordsCanStillArrive_saysSo() {
        Judgement judgement = CompletenessRules.judge(archived(1), 1, DAY, Optional.empty(), DAY.plusDays(1));

        assertThat(judgement.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(judgement.findings()).anySatisfy(f -> assertThat(f).startsWith("the day is not closed").contains("2026-11-24T00:00Z"));
    }
}
