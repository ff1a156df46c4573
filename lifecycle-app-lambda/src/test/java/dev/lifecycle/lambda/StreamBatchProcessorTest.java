package dev.lifecycle.lambda;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.insert;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.LedgerRecorder;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StreamBatchProcessorTest {

    private static final long PAST = EVENT_TIME.getEpochSecond() - 60;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final StreamBatchProcessor processor = new StreamBatchProcessor(ArchiveChangesService.sequential(policies, store));

    @Test
    void archivedAndSkippedRecords_areNotReported_failedOnesAre_inBatchOrder() {
        policies.add(policy(withCauses(draft(), "TTL")));
        store.failWritesOf("3");

        List<SequenceNumber> failed = processor.process(List.of(
                decoded(ttlRemove(order("a", "1", PAST), "1")),
                decoded(userRemove(order("b", "1", PAST + 7200), "2")),
                decoded(ttlRemove(order("c", "1", PAST), "3")),
                decoded(insert(order("d", "1", PAST), "4")),
                new IncomingRecord.Undecodable(SequenceNumber.of("5"), "OldImage.x: N value 'abc'")));

        assertThat(failed).extracting(SequenceNumber::value).containsExactly("3", "5");
        assertThat(store.objects()).hasSize(1);
    }

    @Test
    void eachTablesOutcomes_areCountedInTheLedger_undecodableOnesWithTheBatchsTable() {
        policies.add(policy(withCauses(draft(), "TTL")));
        InMemoryLedger ledger = new InMemoryLedger();
        StreamBatchProcessor counting = new StreamBatchProcessor(ArchiveChangesService.sequential(policies, store),
                Optional.of(new LedgerRecorder(policies, ledger, new ManualClock(EVENT_TIME))));

        counting.process(Optional.of(TableName.of("orders")), List.of(
                decoded(ttlRemove(order("a", "1", PAST), "1")),
                decoded(userRemove(order("b", "1", PAST + 7200), "2")),
                new IncomingRecord.Undecodable(SequenceNumber.of("3"), "OldImage.x: N value 'abc'")));

        Map<LedgerCause, LedgerCounts> day = ledger.day(TableName.of("orders"), LocalDate.parse("2026-11-22"));
        assertThat(day.get(LedgerCause.TTL)).isEqualTo(LedgerCounts.oneArchived());
        assertThat(day.get(LedgerCause.USER).skippedTotal()).isEqualTo(1);
        assertThat(day.get(LedgerCause.UNKNOWN)).isEqualTo(LedgerCounts.oneUndecodable());
    }

    @Test
    void aLedgerThatCannotBeWritten_failsNoRecord_andIsCounted() {
        policies.add(policy());
        InMemoryLedger ledger = new InMemoryLedger();
        ledger.failWrites(true);
        StreamBatchProcessor counting = new StreamBatchProcessor(ArchiveChangesService.sequential(policies, store),
                Optional.of(new LedgerRecorder(policies, ledger, new ManualClock(EVENT_TIME))));

        List<SequenceNumber> failed = counting.process(List.of(decoded(ttlRemove(order("a", "1", PAST), "1"))));

        assertThat(failed).isEmpty();
        assertThat(store.objects()).hasSize(1);
        assertThat(counting.ledgerWriteFailures()).isEqualTo(1);
    }

    @Test
    void aSequenceNumberThatComesTwice_isReportedOnce_whenEitherOfItsRecordsFails() {
        policies.add(policy());
        ChangeRecord ofAnotherTable = new ChangeRecord("event-8", EventName.REMOVE, TableName.of("customers"),
                Map.of("pk", s("c-1")), Optional.empty(), Optional.empty(), SequenceNumber.of("8"), EVENT_TIME, Optional.empty(),
                StreamViewType.KEYS_ONLY);

        // Two tables, so the undecodable record belongs to neither, and the archived one comes after it.
        List<SequenceNumber> failed = processor.process(Optional.empty(), List.of(
                new IncomingRecord.Undecodable(SequenceNumber.of("7"), "Records[0].eventName: event name 'DELETE' is not one of"
                        + " INSERT, MODIFY, REMOVE"),
                decoded(ttlRemove(order("a", "1", PAST), "7")),
                decoded(ofAnotherTable),
                decoded(ttlRemove(order("b", "1", PAST), "0007"))));

        assertThat(failed).extracting(SequenceNumber::value).containsExactly("7", "8");
    }

    @Test
    void aUseCaseThatForgetsARecord_getsItReportedFailed() {
        ArchiveChangesUseCase forgetful = command -> new ArchiveChangesUseCase.BatchResult(List.of());

        List<SequenceNumber> failed = new StreamBatchProcessor(forgetful).process(List.of(decoded(ttlRemove(order("a", "1", PAST), "7"))));

        assertThat(failed).extracting(SequenceNumber::value).containsExactly("7");
    }

    @Test
    void theResponse_isLambdasPartialBatchFormat() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StreamBatchHandler.writeResponse(List.of(SequenceNumber.of("11"), SequenceNumber.of("12")), out);

        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"11\"},{\"itemIdentifier\":\"12\"}]}");
    }

    @Test
    void anEmptyFailureList_meansTheWholeBatchSucceeded() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        StreamBatchHandler.writeResponse(List.of(), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    private static IncomingRecord decoded(dev.lifecycle.domain.stream.ChangeRecord record) {
        return new IncomingRecord.Decoded(record);
    }
}
