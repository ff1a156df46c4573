package dev.lifecycle.domain.ledger;

import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.ledger.RecordInLedgerUseCase.LedgerWrite;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.ManualClock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LedgerRecorderTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final LocalDate DAY = LocalDate.parse("2026-11-22");
    private static final long PAST_TTL = EVENT_TIME.getEpochSecond() - 60;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ManualClock clock = new ManualClock(EVENT_TIME.plusSeconds(5));
    private final ArchiveChangesService archiver = ArchiveChangesService.sequential(policies, store);
    private final LedgerRecorder recorder = new LedgerRecorder(policies, ledger, clock);

    @Test
    void aProcessedBatch_isAddedToTheLedger_withTheCauseThePolicysTtlAttributeGives() {
        policies.add(policy());
        ArchiveChangesCommand command = command();

        LedgerWrite write = recorder.record(command, archiver.archive(command));

        assertThat(write).isInstanceOf(LedgerWrite.Recorded.class);
        assertThat(ledger.day(ORDERS, DAY)).containsOnlyKeys(LedgerCause.EXPIRED);
    }

    @Test
    void aFailingLedger_isReportedAsNotRecorded_withTheTally_neverThrown() {
        policies.add(policy());
        ledger.failWrites(true);
        ArchiveChangesCommand command = command();
        BatchResult result = archiver.archive(command);

        LedgerWrite write = recorder.record(command, result);

        assertThat(write).isInstanceOfSatisfying(LedgerWrite.NotRecorded.class, notRecorded -> {
            assertThat(notRecorded.reason()).contains("the ledger write failed").contains("injected write failure");
            assertThat(notRecorded.tally().increments()).containsKey(new LedgerKey(ORDERS, DAY, LedgerCause.EXPIRED));
        });
        assertThat(result.failedSequenceNumbers()).isEmpty();
    }

    @Test
    void aPolicyLookupThatFails_countsRemovalsWithoutIdentityAsUnknown() {
        LoadPolicyPort failing = new LoadPolicyPort() {
            @Override
            public Optional<RetentionPolicy> findById(PolicyId id) {
                throw new IllegalStateException("unused");
            }

            @Override
            public Optional<RetentionPolicy> findByTable(TableName table) {
                throw new dev.lifecycle.domain.failure.DependencyFailureException("dynamodb", true, "timeout", null);
            }

            @Override
            public PolicyPage list(Optional<PolicyId> after, int limit) {
                throw new IllegalStateException("unused");
            }
        };
        ArchiveChangesCommand command = command();

        new LedgerRecorder(failing, ledger, clock).record(command, ArchiveChangesService.sequential(failing, store).archive(command));

        assertThat(ledger.day(ORDERS, DAY)).containsOnly(java.util.Map.entry(LedgerCause.UNKNOWN, LedgerCounts.oneFailed()));
    }

    @Test
    void aResultThatDoesNotFitItsBatch_isNotRecorded_withTheReason() {
        policies.add(policy());

        LedgerWrite write = recorder.record(command(), new BatchResult(List.of()));

        assertThat(write).isInstanceOfSatisfying(LedgerWrite.NotRecorded.class,
                notRecorded -> assertThat(notRecorded.reason()).contains("1 records but 0 outcomes"));
        assertThat(ledger.day(ORDERS, DAY)).isEmpty();
    }

    private static ArchiveChangesCommand command() {
        return new ArchiveChangesCommand(ORDERS, List.of(new IncomingRecord.Decoded(userRemove(order("a", "1", PAST_TTL), "101"))));
    }
}
