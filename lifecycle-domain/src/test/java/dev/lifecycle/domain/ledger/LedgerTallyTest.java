package dev.lifecycle.domain.ledger;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.insert;
import static dev.lifecycle.domain.testing.TestRecords.keysOnlyRemove;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.remove;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerTallyTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final LocalDate EVENT_DAY = LocalDate.parse("2026-11-22");
    private static final LocalDate PROCESSING_DAY = LocalDate.parse("2026-11-23");
    private static final Optional<AttributeName> TTL_ATTRIBUTE = Optional.of(AttributeName.of("expiresAt"));
    private static final long PAST_TTL = EVENT_TIME.getEpochSecond() - 60;
    private static final long FUTURE_TTL = EVENT_TIME.getEpochSecond() + 3_600;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ArchiveChangesService archiver = ArchiveChangesService.sequential(policies, store);

    @Test
    void removals_areCountedUnderTheirCause_onTheUtcDayOfTheirDeletion() {
        policies.add(policy());
        ArchiveChangesCommand command = command(ttlRemove(order("a", "1", PAST_TTL), "101"),
                userRemove(order("b", "1", PAST_TTL), "102"), userRemove(order("c", "1", FUTURE_TTL), "103"));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.TTL), LedgerCounts.oneArchived()),
                Map.entry(key(EVENT_DAY, LedgerCause.EXPIRED), LedgerCounts.oneArchived()),
                Map.entry(key(EVENT_DAY, LedgerCause.USER), LedgerCounts.oneArchived()));
    }

    @Test
    void aRedelivery_countsAsReceivedAndAlreadyArchived_notAsASecondObject() {
        policies.add(policy());
        ArchiveChangesCommand command = command(ttlRemove(order("a", "1", PAST_TTL), "101"));
        archiver.archive(command);

        LedgerTally again = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(again.increments()).containsOnly(Map.entry(key(EVENT_DAY, LedgerCause.TTL), LedgerCounts.oneAlreadyArchived()));
    }

    @Test
    void skips_areCountedByReason_underTheRemovalsCause() {
        policies.add(policy(withCauses(draft(), "TTL")));
        ArchiveChangesCommand command = command(userRemove(order("a", "1", FUTURE_TTL), "101"),
                keysOnlyRemove(order("b", "1", PAST_TTL), "102"));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.USER), LedgerCounts.oneSkipped(SkipKind.CAUSE_NOT_ARCHIVED)),
                Map.entry(key(EVENT_DAY, LedgerCause.TTL), LedgerCounts.oneSkipped(SkipKind.NO_OLD_IMAGE)));
    }

    @Test
    void anInsert_isCountedAsSkipped_underNotARemoval() {
        policies.add(policy());
        ArchiveChangesCommand command = command(insert(order("a", "1", FUTURE_TTL), "101"));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.NOT_A_REMOVAL), LedgerCounts.oneSkipped(SkipKind.NOT_A_REMOVAL)));
    }

    @Test
    void failedWrites_areCountedAsFailedAttempts() {
        policies.add(policy());
        store.failWritesOf("102");
        ArchiveChangesCommand command = command(ttlRemove(order("a", "1", PAST_TTL), "101"), ttlRemove(order("b", "1", PAST_TTL), "102"));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.TTL), new LedgerCounts(2, 1, 0, Map.of(), 1, 0)));
    }

    @Test
    void anUndecodableRecord_isCountedOnTheProcessingDay_underUnknown() {
        policies.add(policy());
        ArchiveChangesCommand command = new ArchiveChangesCommand(ORDERS,
                List.of(new IncomingRecord.Undecodable(SequenceNumber.of("101"), "Records[0].dynamodb.Keys: is missing")));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(Map.entry(key(PROCESSING_DAY, LedgerCause.UNKNOWN), LedgerCounts.oneUndecodable()));
    }

    @Test
    void withoutTheTtlAttribute_aRemovalWithoutServiceIdentity_isUnknown_andATtlRemovalStillTtl() {
        ArchiveChangesCommand command = command(userRemove(order("a", "1", PAST_TTL), "101"), ttlRemove(order("b", "1", PAST_TTL), "102"));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), Optional.empty(), PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.UNKNOWN), LedgerCounts.oneFailed()),
                Map.entry(key(EVENT_DAY, LedgerCause.TTL), LedgerCounts.oneFailed()));
    }

    @Test
    void aRemovalJustBeforeMidnightUtc_andOneJustAfter_fallOnTwoDays() {
        policies.add(policy());
        ArchiveChangesCommand command = command(
                remove(order("a", "1", FUTURE_TTL + 86_400), "101", Optional.empty(), java.time.Instant.parse("2026-11-22T23:59:59Z")),
                remove(order("b", "1", FUTURE_TTL + 86_400), "102", Optional.empty(), java.time.Instant.parse("2026-11-23T00:00:00Z")));

        LedgerTally tally = LedgerTally.of(command, archiver.archive(command), TTL_ATTRIBUTE, PROCESSING_DAY);

        assertThat(tally.increments()).containsOnly(
                Map.entry(key(EVENT_DAY, LedgerCause.USER), LedgerCounts.oneArchived()),
                Map.entry(key(EVENT_DAY.plusDays(1), LedgerCause.USER), LedgerCounts.oneArchived()));
    }

    @Test
    void aResultThatDoesNotAnswerEachRecordInOrder_isRefused() {
        ArchiveChangesCommand command = command(userRemove(order("a", "1", PAST_TTL), "101"), userRemove(order("b", "1", PAST_TTL), "102"));
        BatchResult swapped = new BatchResult(List.of(
                new RecordOutcome.Failed(SequenceNumber.of("102"), true, "x"), new RecordOutcome.Failed(SequenceNumber.of("101"), true, "x")));

        assertThatThrownBy(() -> LedgerTally.of(command, swapped, TTL_ATTRIBUTE, PROCESSING_DAY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome 0 is for record 102");
    }

    private static ArchiveChangesCommand command(ChangeRecord... records) {
        return new ArchiveChangesCommand(ORDERS, Arrays.stream(records).<IncomingRecord>map(IncomingRecord.Decoded::new).toList());
    }

    private static LedgerKey key(LocalDate day, LedgerCause cause) {
        return new LedgerKey(ORDERS, day, cause);
    }
}
