package dev.lifecycle.domain.ledger;

import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.ledger.ReportCompletenessUseCase.CompletenessQuery;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletenessServiceTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final LocalDate DAY = LocalDate.parse("2026-11-22");
    private static final long FUTURE_TTL = EVENT_TIME.getEpochSecond() + 3_600;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ManualClock clock = new ManualClock(EVENT_TIME.plus(Duration.ofDays(3)));
    private final ArchiveChangesService archiver = ArchiveChangesService.sequential(policies, store);
    private final LedgerRecorder recorder = new LedgerRecorder(policies, ledger, clock);
    private final CompletenessService service = new CompletenessService(policies, ledger, store, clock);

    @Test
    void aDayArchivedAndCounted_isComplete_withTheCountsPerCause() {
        policies.add(policy());
        process(ttl("a", "101"), ttl("b", "102"), user("c", "103"));

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));

        assertThat(report.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(report.objectsPresent()).isEqualTo(3);
        assertThat(report.byCause()).containsOnly(
                Map.entry(LedgerCause.TTL, new LedgerCounts(2, 2, 0, Map.of(), 0, 0)),
                Map.entry(LedgerCause.USER, LedgerCounts.oneArchived()));
        assertThat(report.total().archived()).isEqualTo(3);
        assertThat(report.checkedAt()).isEqualTo(clock.instant());
        assertThat(report.limits()).isEqualTo(CompletenessReport.LIMITS);
    }

    @Test
    void anArchiveObjectDeletedAfterwards_isMissingObjects() {
        policies.add(policy());
        ArchiveLocation deleted = process(ttl("a", "101"), ttl("b", "102")).get(0);
        store.remove(deleted);

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));

        assertThat(report.verdict()).isEqualTo(CompletenessVerdict.MISSING_OBJECTS);
        assertThat(report.objectsPresent()).isEqualTo(1);
    }

    @Test
    void aLedgerWriteThatFailed_leavesTheObjectUnaccounted() {
        policies.add(policy());
        process(ttl("a", "101"));
        ledger.failWrites(true);
        process(ttl("b", "102"));

        assertThat(service.report(new CompletenessQuery(ORDERS, DAY)).verdict()).isEqualTo(CompletenessVerdict.UNACCOUNTED_OBJECTS);
    }

    @Test
    void redeliveries_doNotMakeObjectsLookMissing() {
        policies.add(policy());
        process(ttl("a", "101"), ttl("b", "102"));
        process(ttl("a", "101"), ttl("b", "102"));

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));

        assertThat(report.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(report.total()).isEqualTo(new LedgerCounts(4, 2, 2, Map.of(), 0, 0));
    }

    @Test
    void objectsOfOtherDays_andKeysThatAreNotArchives_areNotCounted() {
        policies.add(policy());
        process(ttl("a", "101"));
        process(TestRecords.remove(order("b", "1", FUTURE_TTL), "102", Optional.empty(), EVENT_TIME.plus(Duration.ofDays(1))));
        ArchiveEntry any = store.objects().values().iterator().next();
        store.put(new ArchiveLocation(BucketName.of(TestPolicies.BUCKET), new ObjectKey("archive/orders/2026/11/22/README.txt")), any);

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));

        assertThat(report.objectsPresent()).isEqualTo(1);
        assertThat(report.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
    }

    @Test
    void aDayWithMoreObjectsThanOneListingPage_countsThemAll() {
        policies.add(policy());
        List<ChangeRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            records.add(TestRecords.userRemove(order("k" + i, "1", FUTURE_TTL), String.valueOf(10_000 + i)));
        }
        process(records.toArray(ChangeRecord[]::new));

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));

        assertThat(report.objectsPresent()).isEqualTo(2_345);
        assertThat(report.verdict()).isEqualTo(CompletenessVerdict.COMPLETE);
        // one look for batch objects, then three pages of 1,000
        assertThat(store.listings()).isEqualTo(4);
    }

    @Test
    void batchedArchives_retriedInPart_areComplete_andAMissingBatchObjectIsMissingAllItsEntries() {
        policies.add(policy(TestPolicies.batched(TestPolicies.draft())));
        process(ttl("a", "101"), ttl("b", "102"), user("c", "103"));
        // A retry from 102 with a new record: 102 is written again, in another batch object.
        process(ttl("b", "102"), ttl("d", "104"));

        CompletenessReport report = service.report(new CompletenessQuery(ORDERS, DAY));
        assertThat(report.verdict()).as(report.findings().toString()).isEqualTo(CompletenessVerdict.COMPLETE);
        assertThat(report.objectsPresent()).isEqualTo(5);

        store.removeIndex(store.batches().values().stream().filter(b -> b.entries().size() == 2 && b.cause()
                == dev.lifecycle.domain.stream.DeletionCause.TTL).findFirst().orElseThrow().index());
        CompletenessReport missing = service.report(new CompletenessQuery(ORDERS, DAY));
        assertThat(missing.verdict()).isEqualTo(CompletenessVerdict.MISSING_OBJECTS);
        assertThat(missing.objectsPresent()).isEqualTo(3);
    }

    @Test
    void anUngovernedTable_isTableNotGoverned() {
        assertThatThrownBy(() -> service.report(new CompletenessQuery(ORDERS, DAY))).isInstanceOf(TableNotGovernedException.class);
    }

    private List<ArchiveLocation> process(ChangeRecord... records) {
        ArchiveChangesCommand command = new ArchiveChangesCommand(ORDERS, java.util.Arrays.stream(records)
                .<IncomingRecord>map(IncomingRecord.Decoded::new).toList());
        var result = archiver.archive(command);
        recorder.record(command, result);
        return result.outcomes().stream().filter(o -> o instanceof dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome.Archived)
                .map(o -> ((dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome.Archived) o).location()).toList();
    }

    private static ChangeRecord ttl(String pk, String sequence) {
        return TestRecords.ttlRemove(order(pk, "1", EVENT_TIME.getEpochSecond() - 60), sequence);
    }

    private static ChangeRecord user(String pk, String sequence) {
        return TestRecords.userRemove(order(pk, "1", FUTURE_TTL), sequence);
    }
}
