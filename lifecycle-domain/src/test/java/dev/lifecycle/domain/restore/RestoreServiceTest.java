package dev.lifecycle.domain.restore;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.restore.RestoreArchivedItemsUseCase.RestoreCommand;
import dev.lifecycle.domain.retrieve.NotAnArchiveObjectException;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.testing.ArchiveFixture;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryLiveItems;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryTableConfiguration;
import dev.lifecycle.domain.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestoreServiceTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final TableName ORDERS_COPY = TableName.of("orders-restored");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOV_23 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NOV_24 = Instant.parse("2026-11-24T10:00:00Z");
    private static final long FUTURE_TTL = NOW.getEpochSecond() + 86_400;
    private static final long PAST_TTL = NOV_22.getEpochSecond() - 60;

    private final ManualClock clock = new ManualClock(NOW);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository(audit);
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ArchiveFixture archived = new ArchiveFixture(policies, store);
    private final InMemoryTableConfiguration tables = new InMemoryTableConfiguration();
    private final InMemoryLiveItems live = new InMemoryLiveItems();
    private final BoundedRestoreJobs jobs = new BoundedRestoreJobs(10);
    private final List<Duration> sleeps = new ArrayList<>();
    private final Throttle throttle = Throttle.perSecond(10, clock, duration -> {
        sleeps.add(duration);
        clock.sleep(duration);
    });
    private final AtomicInteger ids = new AtomicInteger();
    private Executor executor = Runnable::run;

    private RestoreService service() {
        return new RestoreService(policies, tables, store, live, jobs, audit, throttle, command -> executor.execute(command),
                clock, () -> new RestoreJobId("job-" + ids.incrementAndGet()));
    }

    @BeforeEach
    void governOrders() {
        policies.add(policy());
        tables.createTable(ORDERS, KeySchema.composite("pk", "sk"));
        tables.createTable(ORDERS_COPY, KeySchema.composite("pk", "sk"));
    }

    @Test
    void aDeletedItem_isPutBackUnchanged_whenItsTtlIsKept() {
        Item item = order("customer#1", "order#1", FUTURE_TTL);
        ObjectKey archive = archived.userDeleted(item, "101", NOV_22);

        RestoreJob job = service().start(byObjects(archive));

        assertThat(job.state()).isEqualTo(RestoreJobState.COMPLETED);
        assertThat(job.outcomes()).containsExactly(new ItemOutcome.Restored(keyOf(item), archive));
        assertThat(live.items(ORDERS)).containsEntry(keyOf(item), item);
    }

    @Test
    void aNewerLiveItem_isNeverOverwritten() {
        Item archivedItem = order("customer#1", "order#1", FUTURE_TTL);
        Item newer = archivedItem.with("total", n("1.00"));
        ObjectKey archive = archived.userDeleted(archivedItem, "101", NOV_22);
        live.put(ORDERS, keyOf(newer), newer);

        RestoreJob job = service().start(byObjects(archive));

        assertThat(skipReasons(job)).containsExactly(RestoreSkipReason.NEWER_LIVE_ITEM);
        assertThat(live.items(ORDERS)).containsEntry(keyOf(newer), newer);
        assertThat(live.writes()).isZero();
    }

    @Test
    void anItemWrittenBetweenTheReadAndTheWrite_isNotOverwritten() {
        Item archivedItem = order("customer#1", "order#1", FUTURE_TTL);
        Item concurrent = archivedItem.with("total", n("2.00"));
        ObjectKey archive = archived.userDeleted(archivedItem, "101", NOV_22);
        live.writeConcurrently(keyOf(archivedItem), concurrent);

        RestoreJob job = service().start(byObjects(archive));

        assertThat(job.outcomes()).singleElement().isInstanceOfSatisfying(ItemOutcome.Skipped.class,
                skip -> assertThat(skip.detail()).contains("written while the restore ran"));
        assertThat(live.items(ORDERS)).containsEntry(keyOf(concurrent), concurrent);
    }

    @Test
    void anExpiredTtl_isSkippedWhenKept_andResetFromThePolicyOnRequest() {
        Item expired = order("customer#1", "order#1", PAST_TTL);
        ObjectKey archive = archived.ttlDeleted(expired, "101", NOV_22);

        RestoreJob kept = service().start(byObjects(archive));
        RestoreJob reset = service().start(new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(archive)),
                Optional.empty(), TtlChoice.RESET_FROM_POLICY, false, "alice"));

        assertThat(skipReasons(kept)).containsExactly(RestoreSkipReason.EXPIRED);
        assertThat(reset.counts().restored()).isEqualTo(1);
        // The second restore waited 100 ms for the throttle; the new TTL rounds up to the next whole second.
        long thirtyDaysFromThen = NOW.plus(Duration.ofDays(30)).getEpochSecond() + 1;
        assertThat(live.items(ORDERS).get(keyOf(expired))).isEqualTo(expired.with("expiresAt", n(thirtyDaysFromThen)));
    }

    @Test
    void aRemovedTtl_putsBackAnItemThatNeverExpires() {
        Item expired = order("customer#1", "order#1", PAST_TTL);
        ObjectKey archive = archived.ttlDeleted(expired, "101", NOV_22);

        service().start(new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(archive)), Optional.empty(),
                TtlChoice.REMOVE, false, "alice"));

        assertThat(live.items(ORDERS).get(keyOf(expired))).isEqualTo(expired.without("expiresAt"));
    }

    @Test
    void restoringTwice_reportsTheSecondAsAlreadyRestored() {
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);

        service().start(byObjects(archive));
        RestoreJob again = service().start(byObjects(archive));

        assertThat(skipReasons(again)).containsExactly(RestoreSkipReason.ALREADY_RESTORED);
        assertThat(live.writes()).isEqualTo(1);
    }

    @Test
    void byKey_theLatestArchiveIsRestored_andTheOlderOnesAreSuperseded() {
        Item first = order("customer#1", "order#1", FUTURE_TTL).with("total", n("10"));
        Item second = first.with("total", n("20"));
        Item third = first.with("total", n("30"));
        ObjectKey a = archived.userDeleted(first, "101", NOV_22);
        ObjectKey b = archived.userDeleted(second, "205", NOV_23);
        ObjectKey c = archived.userDeleted(third, "206", NOV_23);

        RestoreJob job = service().start(byKeys(keyOf(first)));

        assertThat(live.items(ORDERS).get(keyOf(first))).isEqualTo(third);
        assertThat(job.outcomes()).containsExactly(
                new ItemOutcome.Restored(keyOf(first), c),
                superseded(keyOf(first), b),
                superseded(keyOf(first), a));
    }

    @Test
    void byKey_aKeyWithNothingArchived_isReportedNotArchived() {
        ItemKey unknown = ItemKey.of("pk", s("nobody"), "sk", s("nothing"));

        RestoreJob job = service().start(byKeys(unknown));

        assertThat(job.outcomes()).singleElement().isInstanceOfSatisfying(ItemOutcome.Skipped.class, skip -> {
            assertThat(skip.reason()).isEqualTo(RestoreSkipReason.NOT_ARCHIVED);
            assertThat(skip.key()).contains(unknown);
            assertThat(skip.detail()).contains("between 2026-11-20 and 2026-11-25");
        });
    }

    @Test
    void aTimeRange_restoresWhatWasDeletedInIt_andNothingOutside() {
        Item before = order("customer#0", "order#1", FUTURE_TTL);
        Item inside1 = order("customer#1", "order#1", FUTURE_TTL);
        Item inside2 = order("customer#2", "order#1", FUTURE_TTL);
        Item after = order("customer#3", "order#1", FUTURE_TTL);
        archived.userDeleted(before, "100", Instant.parse("2026-11-22T09:59:59Z"));
        archived.userDeleted(inside1, "101", NOV_22);
        archived.userDeleted(inside2, "102", NOV_23);
        archived.userDeleted(after, "103", NOV_24);

        RestoreJob job = service().start(byRange(NOV_22, NOV_24));

        assertThat(live.items(ORDERS)).containsOnlyKeys(keyOf(inside1), keyOf(inside2));
        assertThat(job.counts().restored()).isEqualTo(2);
        assertThat(job.counts().total()).isEqualTo(2);
    }

    @Test
    void aTimeRange_restoresAnItemDeletedOnSeveralDays_fromItsLatestArchive() {
        Item v1 = order("customer#1", "order#1", FUTURE_TTL).with("total", n("1"));
        Item v2 = v1.with("total", n("2"));
        ObjectKey older = archived.userDeleted(v1, "101", NOV_22);
        ObjectKey latest = archived.userDeleted(v2, "301", NOV_24);

        RestoreJob job = service().start(byRange(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")));

        assertThat(live.items(ORDERS).get(keyOf(v1))).isEqualTo(v2);
        assertThat(job.outcomes()).containsExactly(new ItemOutcome.Restored(keyOf(v1), latest), superseded(keyOf(v1), older));
    }

    @Test
    void aDryRun_reportsWhatItWouldDo_writesNothing_andAuditsNothing() {
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);
        int auditBefore = audit.all().size();

        RestoreJob job = service().start(new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(archive)),
                Optional.empty(), TtlChoice.KEEP_ORIGINAL, true, "alice"));

        assertThat(job.counts().wouldRestore()).isEqualTo(1);
        assertThat(live.writes()).isZero();
        assertThat(audit.all()).hasSize(auditBefore);
    }

    @Test
    void aRestore_isAuditedWhenRequested_andWhenFinished_underThePolicysHistory() {
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);

        service().start(byObjects(archive));

        List<AuditRecord> history = audit.history("policy/orders-retention").stream()
                .filter(record -> record.action() != AuditAction.POLICY_DECLARED).toList();
        assertThat(history).extracting(AuditRecord::action).containsExactly(AuditAction.RESTORE_REQUESTED, AuditAction.ITEMS_RESTORED);
        assertThat(history).extracting(AuditRecord::actor).containsOnly("alice");
        assertThat(history.get(1).summary()).contains("job-1", "COMPLETED", "1 restored, 0 skipped, 0 failed");
    }

    @Test
    void intoAnotherTable_theItemIsPutThere_andTheSourceTableIsLeftAlone() {
        Item item = order("customer#1", "order#1", FUTURE_TTL);
        ObjectKey archive = archived.userDeleted(item, "101", NOV_22);

        service().start(new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(archive)), Optional.of(ORDERS_COPY),
                TtlChoice.KEEP_ORIGINAL, false, "alice"));

        assertThat(live.items(ORDERS_COPY)).containsEntry(keyOf(item), item);
        assertThat(live.items(ORDERS)).isEmpty();
    }

    @Test
    void aFailedWrite_failsThatItemOnly_withItsReason() {
        Item failing = order("customer#1", "order#1", FUTURE_TTL);
        Item fine = order("customer#2", "order#1", FUTURE_TTL);
        ObjectKey a = archived.userDeleted(failing, "101", NOV_22);
        ObjectKey b = archived.userDeleted(fine, "102", NOV_22);
        live.failWritesOf(keyOf(failing));

        RestoreJob job = service().start(byObjects(a, b));

        assertThat(job.state()).isEqualTo(RestoreJobState.COMPLETED);
        assertThat(job.counts().failed()).isEqualTo(1);
        assertThat(job.counts().restored()).isEqualTo(1);
        assertThat(job.outcomes().get(0)).isInstanceOfSatisfying(ItemOutcome.Failed.class,
                failed -> assertThat(failed.reason()).contains("ProvisionedThroughputExceeded"));
    }

    @Test
    void anArchiveThatCannotBeListed_abortsTheJob_sayingWhy() {
        archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);
        store.failReads(true);

        RestoreJob job = service().start(byRange(NOV_22.minusSeconds(1), NOV_24));

        assertThat(job.state()).isEqualTo(RestoreJobState.ABORTED);
        assertThat(job.abortReason()).hasValueSatisfying(reason -> assertThat(reason).contains("injected list failure"));
        assertThat(audit.history("policy/orders-retention")).last()
                .satisfies(record -> assertThat(record.summary()).contains("ABORTED"));
    }

    @Test
    void anArchivedObjectThatVanished_isReportedNotArchived() {
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);
        store.remove(new ArchiveLocation(BucketName.of("acme-archive"), archive));

        RestoreJob job = service().start(byObjects(archive));

        assertThat(skipReasons(job)).containsExactly(RestoreSkipReason.NOT_ARCHIVED);
    }

    @Test
    void writesArePacedByTheThrottle() {
        List<ObjectKey> archives = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            archives.add(archived.userDeleted(order("customer#" + i, "order#1", FUTURE_TTL), "10" + i, NOV_22));
        }

        service().start(new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(archives), Optional.empty(),
                TtlChoice.KEEP_ORIGINAL, false, "alice"));

        assertThat(sleeps).hasSize(4).containsOnly(Duration.ofMillis(100));
        assertThat(clock.instant()).isEqualTo(NOW.plusMillis(400));
    }

    @Test
    void aJob_isQueuedAtOnce_andRunsInTheBackground() {
        List<Runnable> queued = new ArrayList<>();
        executor = queued::add;
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);
        RestoreService service = service();

        RestoreJob job = service.start(byObjects(archive));
        assertThat(job.state()).isEqualTo(RestoreJobState.QUEUED);
        assertThat(live.writes()).isZero();

        queued.forEach(Runnable::run);
        assertThat(service.job(job.id()).orElseThrow().state()).isEqualTo(RestoreJobState.COMPLETED);
        assertThat(service.recent(10)).extracting(RestoreJob::id).containsExactly(job.id());
    }

    @Test
    void aTableWithoutPolicy_aMissingTarget_andATargetWithOtherKeys_areRefusedBeforeAJobStarts() {
        ObjectKey archive = archived.userDeleted(order("customer#1", "order#1", FUTURE_TTL), "101", NOV_22);
        tables.createTable(TableName.of("simple"), KeySchema.partitionKey("pk"));
        RestoreService service = service();

        assertThatThrownBy(() -> service.start(new RestoreCommand(TableName.of("invoices"),
                new RestoreSelection.ArchiveObjects(List.of(archive)), Optional.empty(), TtlChoice.KEEP_ORIGINAL, false, "alice")))
                .isInstanceOf(TableNotGovernedException.class);
        assertThatThrownBy(() -> service.start(into(archive, TableName.of("missing")))).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> service.start(into(archive, TableName.of("simple"))))
                .isInstanceOf(RestoreTargetMismatchException.class)
                .hasMessage("table 'simple' has key schema pk but the archived items have pk + sk");
        assertThat(service.recent(10)).isEmpty();
    }

    @Test
    void anObjectKeyOutsideTheTablesArchive_isRefusedBeforeAJobStarts() {
        ObjectKey foreign = new ObjectKey("archive/invoices/2026/11/22/S-a~S-b/1.json");

        assertThatThrownBy(() -> service().start(byObjects(foreign))).isInstanceOf(NotAnArchiveObjectException.class);
    }

    @Test
    void selections_refuseEmptyOversizedAndReversedInput() {
        assertThatThrownBy(() -> new RestoreSelection.ArchiveObjects(List.of())).hasMessageContaining("at least one");
        List<ObjectKey> tooMany = new ArrayList<>();
        for (int i = 0; i <= RestoreSelection.MAX_LISTED; i++) {
            tooMany.add(new ObjectKey("k" + i));
        }
        assertThatThrownBy(() -> new RestoreSelection.ArchiveObjects(tooMany)).hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> new RestoreSelection.DeletedBetween(NOV_24, NOV_22)).hasMessageContaining("must be before");
        assertThatThrownBy(() -> new RestoreSelection.DeletedBetween(NOV_22, NOV_22.plus(Duration.ofDays(367))))
                .hasMessageContaining("at most 366 days");
    }

    private static RestoreCommand byObjects(ObjectKey... keys) {
        return new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(keys)), Optional.empty(),
                TtlChoice.KEEP_ORIGINAL, false, "alice");
    }

    private static RestoreCommand into(ObjectKey key, TableName target) {
        return new RestoreCommand(ORDERS, new RestoreSelection.ArchiveObjects(List.of(key)), Optional.of(target),
                TtlChoice.KEEP_ORIGINAL, false, "alice");
    }

    private static RestoreCommand byKeys(ItemKey... keys) {
        return new RestoreCommand(ORDERS, new RestoreSelection.ItemKeys(List.of(keys), LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 25)), Optional.empty(), TtlChoice.KEEP_ORIGINAL, false, "alice");
    }

    private static RestoreCommand byRange(Instant from, Instant to) {
        return new RestoreCommand(ORDERS, new RestoreSelection.DeletedBetween(from, to), Optional.empty(),
                TtlChoice.KEEP_ORIGINAL, false, "alice");
    }

    private static ItemKey keyOf(Item item) {
        return KeySchema.composite("pk", "sk").keyOf(item);
    }

    private static ItemOutcome.Skipped superseded(ItemKey key, ObjectKey archive) {
        return new ItemOutcome.Skipped(Optional.of(key), Optional.of(archive), RestoreSkipReason.SUPERSEDED,
                "a later archive of this item was restored instead");
    }

    private static List<RestoreSkipReason> skipReasons(RestoreJob job) {
        return job.outcomes().stream().filter(ItemOutcome.Skipped.class::isInstance)
                .map(outcome -> ((ItemOutcome.Skipped) outcome).reason()).toList();
    }
}
