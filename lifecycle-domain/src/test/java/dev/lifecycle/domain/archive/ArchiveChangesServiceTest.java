package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestPolicies.withCauses;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.insert;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArchiveChangesServiceTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final long PAST_TTL = EVENT_TIME.getEpochSecond() - 60;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final ArchiveChangesService service = new ArchiveChangesService(policies, store, pool);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void batch_archivesRemovals_skipsTheRest_andReportsNoFailure() {
        policies.add(policy(withCauses(draft(), "TTL")));

        BatchResult result = service.archive(command(
                decoded(ttlRemove(order("a", "1", PAST_TTL), "101")),
                decoded(insert(order("b", "1", PAST_TTL), "102")),
                decoded(userRemove(order("c", "1", PAST_TTL + 3_600), "103"))));

        assertThat(result.outcomes()).extracting(o -> o.getClass().getSimpleName())
                .containsExactly("Archived", "Skipped", "Skipped");
        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(store.objects()).hasSize(1);
    }

    @Test
    void failedWrites_areReportedExactly_andTheOthersArchived() {
        policies.add(policy());
        store.failWritesOf("202");
        store.failWritesOf("205");
        List<IncomingRecord> records = new ArrayList<>();
        IntStream.rangeClosed(201, 208).forEach(i -> records.add(decoded(ttlRemove(order("k" + i, "s", PAST_TTL), "" + i))));

        BatchResult result = service.archive(new ArchiveChangesCommand(ORDERS, records));

        assertThat(result.failedSequenceNumbers()).extracting(SequenceNumber::value).containsExactly("202", "205");
        assertThat(store.objects()).hasSize(6);
        assertThat(result.outcomes()).extracting(RecordOutcome::sequenceNumber).extracting(SequenceNumber::value)
                .containsExactly("201", "202", "203", "204", "205", "206", "207", "208");
    }

    @Test
    void retryAfterAPartialFailure_archivesTheRest_andRewritesNothingDifferent() {
        policies.add(policy());
        store.failWritesOf("302");
        ArchiveChangesCommand batch = command(decoded(ttlRemove(order("a", "s", PAST_TTL), "301")),
                decoded(ttlRemove(order("b", "s", PAST_TTL), "302")));
        service.archive(batch);
        store.healAll();

        BatchResult retry = service.archive(batch);

        assertThat(retry.failedSequenceNumbers()).isEmpty();
        assertThat(retry.outcomes().get(0)).isInstanceOfSatisfying(RecordOutcome.Archived.class,
                archived -> assertThat(archived.alreadyPresent()).isTrue());
        assertThat(retry.outcomes().get(1)).isInstanceOfSatisfying(RecordOutcome.Archived.class,
                archived -> assertThat(archived.alreadyPresent()).isFalse());
        assertThat(store.objects()).hasSize(2);
    }

    @Test
    void tableWithoutPolicy_failsEveryRecord_permanently_sayingWhy() {
        BatchResult result = service.archive(command(decoded(ttlRemove(order("a", "s", PAST_TTL), "401"))));

        assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(RecordOutcome.Failed.class, failed -> {
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.reason()).contains("no policy").contains("orders");
        });
    }

    @Test
    void policyLookupFailure_failsEveryRecord_retryably() {
        LoadPolicyPort broken = new LoadPolicyPort() {
            @Override
            public Optional<RetentionPolicy> findById(PolicyId id) {
                throw new IllegalStateException("throttled");
            }

            @Override
            public Optional<RetentionPolicy> findByTable(TableName table) {
                throw new IllegalStateException("throttled");
            }

            @Override
            public PolicyPage list(Optional<PolicyId> after, int limit) {
                throw new IllegalStateException("throttled");
            }
        };

        BatchResult result = ArchiveChangesService.sequential(broken, store)
                .archive(command(decoded(ttlRemove(order("a", "s", PAST_TTL), "501"))));

        assertThat(result.outcomes()).singleElement().isInstanceOfSatisfying(RecordOutcome.Failed.class,
                failed -> assertThat(failed.retryable()).isTrue());
    }

    @Test
    void undecodableAndMismatchedRecords_failAlone_withTheirReason() {
        policies.add(policy());
        IncomingRecord undecodable = new IncomingRecord.Undecodable(SequenceNumber.of("601"), "OldImage.total: N value 'abc'");

        BatchResult result = service.archive(command(undecodable, decoded(ttlRemove(order("b", "s", PAST_TTL), "602"))));

        assertThat(result.failedSequenceNumbers()).extracting(SequenceNumber::value).containsExactly("601");
        assertThat(((RecordOutcome.Failed) result.outcomes().get(0)).reason()).contains("undecodable").contains("abc");
    }

    @Test
    void storeThatThrows_failsThatRecordOnly() {
        policies.add(policy());
        StoreArchivePort throwing = new StoreArchivePort() {
            @Override
            public StoreOutcome store(ArchivalDecision.Archive archive) {
                if (archive.entry().sequenceNumber().value().equals("702")) {
                    throw new IllegalStateException("connection reset");
                }
                return new StoreOutcome.Stored();
            }

            @Override
            public StoreOutcome storeBatch(ArchiveBatch batch) {
                throw new IllegalStateException("connection reset");
            }
        };

        BatchResult result = new ArchiveChangesService(policies, throwing, pool).archive(command(
                decoded(ttlRemove(order("a", "s", PAST_TTL), "701")), decoded(ttlRemove(order("b", "s", PAST_TTL), "702"))));

        assertThat(result.failedSequenceNumbers()).extracting(SequenceNumber::value).containsExactly("702");
        assertThat(((RecordOutcome.Failed) result.outcomes().get(1)).reason()).contains("connection reset");
    }

    private static ArchiveChangesCommand command(IncomingRecord... records) {
        return new ArchiveChangesCommand(ORDERS, List.of(records));
    }

    private static IncomingRecord decoded(dev.lifecycle.domain.stream.ChangeRecord record) {
        return new IncomingRecord.Decoded(record);
    }
}
