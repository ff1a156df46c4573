package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.testing.TestPolicies.batched;
import static dev.lifecycle.domain.testing.TestPolicies.draft;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.remove;
import static dev.lifecycle.domain.testing.TestRecords.ttlRemove;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.retrieve.ArchiveBrowser;
import dev.lifecycle.domain.retrieve.ArchiveIndex;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ArchiveListing;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.FindArchivedItemQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ListArchivedDayQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ReadArchiveEntryQuery;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchedArchivesTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 22);
    private static final long PAST_TTL = EVENT_TIME.getEpochSecond() - 60;
    private static final long FUTURE_TTL = EVENT_TIME.getEpochSecond() + 3_600;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ArchiveChangesService service = ArchiveChangesService.sequential(policies, store);
    private final ArchiveBrowser browser = new ArchiveBrowser(policies, store);
    private RetentionPolicy policy;

    @BeforeEach
    void governOrdersWithBatches() {
        policy = policy(batched(draft()));
        policies.add(policy);
    }

    @Test
    void aBatch_isOneObjectPerCause_withItsIndex_andNoPerItemObject() {
        BatchResult result = archive(ttl("a", "101"), user("b", "102"), ttl("c", "103"), user("d", "104"), ttl("e", "105"));

        assertThat(result.failedSequenceNumbers()).isEmpty();
        assertThat(store.objects()).isEmpty();
        assertThat(store.batches()).hasSize(2);
        assertThat(store.batches().values()).extracting(ArchiveBatch::cause)
                .containsExactlyInAnyOrder(DeletionCause.TTL, DeletionCause.USER);
        ArchiveBatch ttlBatch = batchOf(DeletionCause.TTL);
        assertThat(ttlBatch.entries()).extracting(e -> e.sequenceNumber().value()).containsExactly("101", "103", "105");
        assertThat(ttlBatch.data().key().value()).matches("archive/orders/2026/11/22/_batches/TTL/101-105-3-[0-9a-f]{16}\\.ndjson\\.gz");
        assertThat(((RecordOutcome.Archived) result.outcomes().get(0)).location().key().value())
                .isEqualTo(ttlBatch.data().key().value() + "#S-a~S-1/101");
    }

    @Test
    void removalsOfTwoDays_goToTwoObjects() {
        archive(ttl("a", "101"), remove(order("b", "1", PAST_TTL), "102", Optional.empty(), EVENT_TIME.plus(Duration.ofDays(1))));

        assertThat(store.batches().values()).extracting(ArchiveBatch::day).containsExactlyInAnyOrder(DAY, DAY.plusDays(1));
    }

    @Test
    void aFailedWrite_failsEveryRecordOfItsObject_andNoneOfTheOthers() {
        store.failWritesOf("102");

        BatchResult result = archive(ttl("a", "101"), user("b", "102"), ttl("c", "103"), user("d", "104"));

        assertThat(result.failedSequenceNumbers()).extracting(SequenceNumber::value).containsExactly("102", "104");
        assertThat(((RecordOutcome.Failed) result.outcomes().get(1)).retryable()).isTrue();
        assertThat(((RecordOutcome.Failed) result.outcomes().get(3)).reason()).contains("batch").contains("of 2 records");
        assertThat(store.batches().values()).extracting(ArchiveBatch::cause).containsExactly(DeletionCause.TTL);
    }

    @Test
    void aRetryOfTheSameRecords_writesTheSameKeys_andReportsThemAlreadyStored() {
        BatchResult first = archive(ttl("a", "101"), ttl("b", "102"));
        BatchResult again = archive(ttl("a", "101"), ttl("b", "102"));

        assertThat(again.outcomes()).allSatisfy(o -> assertThat(((RecordOutcome.Archived) o).alreadyPresent()).isTrue());
        assertThat(again.outcomes()).extracting(o -> ((RecordOutcome.Archived) o).location())
                .isEqualTo(first.outcomes().stream().map(o -> ((RecordOutcome.Archived) o).location()).toList());
        assertThat(store.batches()).hasSize(1);
    }

    @Test
    void aRetryOfPartOfABatch_writesAnotherObject_andEveryEntryIsStillFoundOnce() {
        archive(ttl("a", "101"), ttl("b", "102"), ttl("c", "103"));
        // Lambda retries from the first failed record with what came after it: another set, another key.
        archive(ttl("b", "102"), ttl("c", "103"), ttl("d", "104"));

        assertThat(store.batches()).hasSize(2);
        List<ArchivedObject> distinct = new ArrayList<>();
        new ArchiveIndex(store).eachOfDay(policy, DAY, distinct::add);
        assertThat(distinct).extracting(o -> o.sequenceNumber().value()).containsExactlyInAnyOrder("101", "102", "103", "104");
        assertThat(browser.findItem(new FindArchivedItemQuery(ORDERS, key("b"), DAY, DAY)).objects()).hasSize(1);
        // The listing shows what is stored: the two copies of 102 and 103 too.
        assertThat(listWholeDay(2)).hasSize(6);
    }

    @Test
    void anEntry_isReadBackWhole_fromItsName() {
        BatchResult result = archive(ttl("a", "101"), ttl("b", "102"), user("c", "103"));
        ArchiveLocation location = ((RecordOutcome.Archived) result.outcomes().get(1)).location();

        ArchiveEntry entry = browser.read(new ReadArchiveEntryQuery(ORDERS, location.key()));

        assertThat(entry.oldImage()).isEqualTo(order("b", "1", PAST_TTL));
        assertThat(entry.sequenceNumber()).isEqualTo(SequenceNumber.of("102"));
        assertThat(entry.cause()).isEqualTo(DeletionCause.TTL);
    }

    @Test
    void anItem_isFoundInTheBatchesOfItsDays() {
        archive(ttl("a", "101"), ttl("b", "102"), user("b", "103"));

        assertThat(browser.findItem(new FindArchivedItemQuery(ORDERS, key("b"), DAY, DAY)).objects())
                .extracting(o -> o.sequenceNumber().value()).containsExactlyInAnyOrder("102", "103");
        assertThat(browser.findItem(new FindArchivedItemQuery(ORDERS, key("z"), DAY, DAY)).objects()).isEmpty();
    }

    @Test
    void aDay_isListedPageByPage_perItemObjectsFirst_thenEachBatch_withoutRepeatsOrGaps() {
        // The layout changed during the day: per-item objects, then batches.
        InMemoryPolicyRepository perItem = new InMemoryPolicyRepository();
        perItem.add(policy(draft()));
        ArchiveChangesService.sequential(perItem, store).archive(new ArchiveChangesCommand(ORDERS, List.of(
                new IncomingRecord.Decoded(ttl("p", "90")), new IncomingRecord.Decoded(ttl("q", "91")),
                new IncomingRecord.Decoded(ttl("r", "92")))));
        archive(ttl("a", "101"), ttl("b", "102"), user("c", "103"), user("d", "104"), ttl("e", "105"));

        List<ArchivedObject> seen = listWholeDay(2);

        assertThat(seen).extracting(o -> o.sequenceNumber().value()).containsExactly("90", "91", "92", "101", "102", "105",
                "103", "104");
        assertThat(new HashSet<>(seen)).hasSize(8);
    }

    @Test
    void aBatchWhoseIndexWasNotWritten_failsItsRecords_isNotListed_andTheRetryMakesItWhole() {
        store.failIndexWrites(true);
        BatchResult failed = archive(ttl("a", "101"), ttl("b", "102"));
        assertThat(failed.failedSequenceNumbers()).hasSize(2);
        assertThat(listWholeDay(10)).isEmpty();

        store.failIndexWrites(false);
        BatchResult retried = archive(ttl("a", "101"), ttl("b", "102"));

        assertThat(retried.failedSequenceNumbers()).isEmpty();
        assertThat(listWholeDay(10)).hasSize(2);
    }

    @Test
    void twoRecordsWithOneSequenceNumber_shareAnOutcomeWhenAlike_andTheSecondFailsWhenNot() {
        BatchResult alike = archive(ttl("a", "101"), ttl("a", "101"));
        assertThat(alike.failedSequenceNumbers()).isEmpty();

        BatchResult different = archive(ttl("x", "201"), ttl("y", "201"));
        assertThat(different.outcomes().get(0)).isInstanceOf(RecordOutcome.Archived.class);
        RecordOutcome.Failed second = (RecordOutcome.Failed) different.outcomes().get(1);
        assertThat(second.retryable()).isFalse();
        assertThat(second.reason()).contains("different content");
    }

    @Test
    void undecodableAndSkippedRecords_keepTheirOwnOutcomes() {
        BatchResult result = service.archive(new ArchiveChangesCommand(ORDERS, List.of(
                new IncomingRecord.Undecodable(SequenceNumber.of("100"), "not JSON"),
                new IncomingRecord.Decoded(ttl("a", "101")),
                new IncomingRecord.Decoded(dev.lifecycle.domain.testing.TestRecords.insert(order("b", "1", PAST_TTL), "102")))));

        assertThat(result.outcomes()).extracting(o -> o.getClass().getSimpleName()).containsExactly("Failed", "Archived", "Skipped");
    }

    @Test
    void batchKeys_dependOnEverySequenceNumber() {
        ArchiveKeys.BatchKeys one = ArchiveKeys.forBatch(policy.destination().prefix(), ORDERS, DAY, DeletionCause.TTL,
                List.of(SequenceNumber.of("1"), SequenceNumber.of("2"), SequenceNumber.of("9")));
        ArchiveKeys.BatchKeys same = ArchiveKeys.forBatch(policy.destination().prefix(), ORDERS, DAY, DeletionCause.TTL,
                List.of(SequenceNumber.of("1"), SequenceNumber.of("2"), SequenceNumber.of("9")));
        ArchiveKeys.BatchKeys other = ArchiveKeys.forBatch(policy.destination().prefix(), ORDERS, DAY, DeletionCause.TTL,
                List.of(SequenceNumber.of("1"), SequenceNumber.of("3"), SequenceNumber.of("9")));

        assertThat(same).isEqualTo(one);
        assertThat(other.data()).isNotEqualTo(one.data());
        assertThat(ArchiveKeys.indexOf(one.data())).isEqualTo(one.index());
        assertThat(ArchiveKeys.parseBatch(policy.destination().prefix(), ORDERS, one.data()))
                .hasValueSatisfying(batch -> assertThat(batch.day()).isEqualTo(DAY));
    }

    @Test
    void entryNames_readBack_andForeignOnesDoNot() {
        BatchResult result = archive(ttl("a", "101"));
        ObjectKey name = ((RecordOutcome.Archived) result.outcomes().get(0)).location().key();

        assertThat(ArchiveIndex.parse(policy, name)).hasValueSatisfying(object -> {
            assertThat(object.keyToken()).isEqualTo("S-a~S-1");
            assertThat(object.itemKey()).contains(key("a"));
            assertThat(object.sequenceNumber()).isEqualTo(SequenceNumber.of("101"));
        });
        String batch = name.value().substring(0, name.value().indexOf('#'));
        assertThat(ArchiveIndex.parse(policy, new ObjectKey(batch + "#S-a~S-1"))).isEmpty();
        assertThat(ArchiveIndex.parse(policy, new ObjectKey(batch + "#S-a~S-1/0101"))).isEmpty();
        assertThat(ArchiveIndex.parse(policy, new ObjectKey("archive/orders/2026/11/22/_batches/GONE/1-1-1-0123456789abcdef.ndjson.gz#S-a~S-1/1")))
                .isEmpty();
        assertThat(ArchiveIndex.objectsOf(policy, ArchiveIndex.parse(policy, name).orElseThrow()))
                .extracting(location -> location.key().value())
                .containsExactly(batch, batch.replace(".ndjson.gz", ".index.json.gz"));
    }

    @Test
    void aBatch_refusesEntriesOutOfOrderOrOfAnotherPartition() {
        ArchivalDecision.Archive a = (ArchivalDecision.Archive) ArchivalRules.decide(ttl("a", "101"), policy);
        ArchivalDecision.Archive b = (ArchivalDecision.Archive) ArchivalRules.decide(user("b", "102"), policy);

        assertThatThrownBy(() -> ArchiveBatch.of(policy.destination(), List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not of the batch's table, day and cause");
        ArchiveBatch batch = ArchiveBatch.of(policy.destination(), List.of(a));
        assertThatThrownBy(() -> new ArchiveBatch(batch.data(), batch.index(), batch.table(), batch.day(), batch.cause(),
                batch.entries(), batch.retention(), "0".repeat(64)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("checksum mismatch");
    }

    private List<ArchivedObject> listWholeDay(int pageSize) {
        List<ArchivedObject> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            ArchiveListing page = browser.listDay(new ListArchivedDayQuery(ORDERS, DAY, token, pageSize));
            seen.addAll(page.objects());
            token = page.nextPageToken();
        } while (token.isPresent());
        return seen;
    }

    private ArchiveBatch batchOf(DeletionCause cause) {
        return store.batches().values().stream().filter(batch -> batch.cause() == cause).findFirst().orElseThrow();
    }

    private BatchResult archive(ChangeRecord... records) {
        return service.archive(new ArchiveChangesCommand(ORDERS, java.util.Arrays.stream(records)
                .<IncomingRecord>map(IncomingRecord.Decoded::new).toList()));
    }

    private static ChangeRecord ttl(String pk, String sequence) {
        return ttlRemove(order(pk, "1", PAST_TTL), sequence);
    }

    private static ChangeRecord user(String pk, String sequence) {
        return userRemove(order(pk, "1", FUTURE_TTL), sequence);
    }

    private static ItemKey key(String pk) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>(dev.lifecycle.domain.testing.TestRecords.keysOf(order(pk, "1", PAST_TTL)));
        return ItemKey.fromAttributes(keys, policy(draft()).keySchema());
    }
}
