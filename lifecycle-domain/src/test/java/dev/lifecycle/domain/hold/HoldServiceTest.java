package dev.lifecycle.domain.hold;

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
import dev.lifecycle.domain.hold.ManageHoldsUseCase.PlaceHoldCommand;
import dev.lifecycle.domain.hold.ManageHoldsUseCase.ReleaseHoldCommand;
import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.ArchiveFixture;
import dev.lifecycle.domain.testing.InMemoryArchiveLegalHolds;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryHeldTtls;
import dev.lifecycle.domain.testing.InMemoryHolds;
import dev.lifecycle.domain.testing.InMemoryLiveItems;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HoldServiceTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final BucketName BUCKET = BucketName.of("acme-archive");
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final long SOON = NOW.plusSeconds(60).getEpochSecond();
    private static final KeySchema SCHEMA = KeySchema.composite("pk", "sk");

    private final ManualClock clock = new ManualClock(NOW);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository(audit);
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ArchiveFixture archived = new ArchiveFixture(policies, store);
    private final InMemoryHolds holds = new InMemoryHolds(audit);
    private final InMemoryHeldTtls heldTtls = new InMemoryHeldTtls();
    private final InMemoryLiveItems live = new InMemoryLiveItems();
    private final InMemoryArchiveLegalHolds legalHolds = new InMemoryArchiveLegalHolds();
    private final List<Runnable> background = new ArrayList<>();
    private final List<ScanTablePort.PageRequest> scans = new ArrayList<>();
    private final ScanTablePort scanner = request -> {
        scans.add(request);
        List<Item> items = live.items(request.table()).values().stream().map(item -> project(item, request.attributes())).toList();
        return new ScanTablePort.Page(items, 0, Optional.empty());
    };
    private final HoldService service = new HoldService(policies, holds, heldTtls, live, store, legalHolds, scanner,
            Throttle.perSecond(1000, clock, clock::sleep), background::add, clock);

    @BeforeEach
    void governOrders() {
        policies.add(policy());
    }

    @Test
    void aSingleItemHold_removesItsLiveTtlBeforeItAnswers_andKeepsTheOriginal() {
        Item item = liveOrder("customer#1", "order#1", SOON);

        HoldRecord hold = service.place(singleItem("case-1", item));

        assertThat(hold.state()).isEqualTo(HoldState.ACTIVE);
        assertThat(live.items(ORDERS).get(keyOf(item))).isEqualTo(item.without("expiresAt"));
        assertThat(heldTtls.find(ORDERS, keyOf(item))).hasValueSatisfying(held -> assertThat(held.original()).isEqualTo(n(SOON)));
    }

    @Test
    void enforcement_putsAnS3LegalHoldOnEveryArchiveOfTheItem_andOnNoOther() {
        Item item = order("customer#1", "order#1", SOON);
        ObjectKey older = archived.userDeleted(item, "101", NOW.minus(Duration.ofDays(200)));
        ObjectKey newer = archived.userDeleted(item, "102", NOW.minus(Duration.ofDays(1)));
        ObjectKey tooOld = archived.userDeleted(item, "100", NOW.minus(Duration.ofDays(400)));
        archived.userDeleted(order("customer#2", "order#1", SOON), "103", NOW.minus(Duration.ofDays(1)));

        service.place(singleItem("case-1", item));
        EnforceHoldsUseCase.EnforcementReport report = service.enforce();

        assertThat(legalHolds.held()).containsExactlyInAnyOrder(at(older), at(newer));
        assertThat(legalHolds.held()).doesNotContain(at(tooOld));
        assertThat(report.archiveObjectsHeld()).isEqualTo(2);
        assertThat(holds.find(new HoldId("case-1")).orElseThrow().archivesHeldThrough()).contains(NOW.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate().minusDays(1));
    }

    @Test
    void aFirstRun_listsOnlyTheDaysThatHoldArchives_notEveryDayOfTheLookback() {
        Item item = order("customer#1", "order#1", SOON);
        archived.userDeleted(item, "101", NOW.minus(Duration.ofDays(200)));
        service.place(singleItem("case-1", item));

        service.enforce();

        // The table folder, its one year (2026), its one month, then the one day with an archive and its batch folder.
        assertThat(store.listings()).isEqualTo(5);
    }

    @Test
    void laterRuns_sweepOnlyTheDaysSinceTheLastOne_andHoldWhatWasArchivedMeanwhile() {
        Item item = order("customer#1", "order#1", SOON);
        service.place(singleItem("case-1", item));
        service.enforce();
        int listingsOfFirstRun = store.listings();
        clock.advance(Duration.ofDays(2));
        ObjectKey meanwhile = archived.userDeleted(item, "201", clock.instant());

        service.enforce();

        // Year, month and day folders, then the one day that holds the item's new archive, and its batch folder.
        assertThat(store.listings() - listingsOfFirstRun).isEqualTo(5);
        assertThat(legalHolds.held()).contains(at(meanwhile));
    }

    @Test
    void aRelease_givesTheTtlBack_liftsTheLegalHolds_andForgetsTheHold() {
        Item item = liveOrder("customer#1", "order#1", SOON);
        ObjectKey archive = archived.userDeleted(item, "101", NOW.minus(Duration.ofDays(3)));
        service.place(singleItem("case-1", item));
        service.enforce();

        HoldRecord released = service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob"));
        EnforceHoldsUseCase.EnforcementReport report = service.enforce();

        assertThat(released.state()).isEqualTo(HoldState.RELEASING);
        assertThat(live.items(ORDERS).get(keyOf(item))).isEqualTo(item);
        assertThat(legalHolds.held()).doesNotContain(at(archive));
        assertThat(report.ttlsRestored()).isEqualTo(1);
        assertThat(report.holdsCleanedUp()).isEqualTo(1);
        assertThat(service.find(new HoldId("case-1"))).isEmpty();
        assertThat(heldTtls.all(ORDERS)).isEmpty();
    }

    @Test
    void aRelease_leavesWhatAnotherHoldStillCovers() {
        Item item = liveOrder("customer#1", "order#1", SOON);
        ObjectKey archive = archived.userDeleted(item, "101", NOW.minus(Duration.ofDays(3)));
        service.place(singleItem("case-1", item));
        service.place(new PlaceHoldCommand(new HoldId("case-2"), ORDERS, new HoldScope.PartitionKeyPrefix("customer#"),
                "regulator inquiry", "alice"));
        service.enforce();

        service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob"));
        service.enforce();

        assertThat(live.items(ORDERS).get(keyOf(item))).isEqualTo(item.without("expiresAt"));
        assertThat(legalHolds.held()).contains(at(archive));
        assertThat(service.find(new HoldId("case-1"))).isEmpty();
    }

    @Test
    void aRelease_neverOverwritesATtlTheApplicationSetMeanwhile() {
        Item item = liveOrder("customer#1", "order#1", SOON);
        service.place(singleItem("case-1", item));
        Item rewritten = item.with("expiresAt", n(SOON + 86_400));
        live.put(ORDERS, keyOf(item), rewritten);

        service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob"));
        service.enforce();

        assertThat(live.items(ORDERS).get(keyOf(item))).isEqualTo(rewritten);
    }

    @Test
    void aPrefixHold_removesTheTtlOfEveryLiveItemItCovers_andOnlyThose() {
        Item covered1 = liveOrder("customer#1", "order#1", SOON);
        Item covered2 = liveOrder("customer#2", "order#9", SOON);
        Item other = liveOrder("supplier#1", "order#1", SOON);
        ObjectKey coveredArchive = archived.userDeleted(order("customer#3", "order#1", SOON), "101", NOW.minus(Duration.ofDays(2)));
        ObjectKey otherArchive = archived.userDeleted(order("supplier#3", "order#1", SOON), "102", NOW.minus(Duration.ofDays(2)));

        service.place(new PlaceHoldCommand(new HoldId("case-3"), ORDERS, new HoldScope.PartitionKeyPrefix("customer#"), "audit",
                "alice"));
        EnforceHoldsUseCase.EnforcementReport report = service.enforce();

        assertThat(report.ttlsRemoved()).isEqualTo(2);
        assertThat(live.items(ORDERS).get(keyOf(covered1)).has("expiresAt")).isFalse();
        assertThat(live.items(ORDERS).get(keyOf(covered2)).has("expiresAt")).isFalse();
        assertThat(live.items(ORDERS).get(keyOf(other))).isEqualTo(other);
        assertThat(legalHolds.held()).contains(at(coveredArchive)).doesNotContain(at(otherArchive));
        assertThat(scans).singleElement().satisfies(request -> assertThat(request.attributes()).containsExactly("pk", "sk", "expiresAt"));
    }

    @Test
    void aBucketWithoutObjectLock_isReportedOnTheHold_andTheLiveItemIsStillProtected() {
        Item item = liveOrder("customer#1", "order#1", SOON);
        archived.userDeleted(item, "101", NOW.minus(Duration.ofDays(3)));
        legalHolds.withoutObjectLock(BUCKET);

        service.place(singleItem("case-1", item));
        EnforceHoldsUseCase.EnforcementReport report = service.enforce();

        assertThat(report.problems()).singleElement().satisfies(problem -> assertThat(problem).contains("has no object lock"));
        assertThat(holds.find(new HoldId("case-1")).orElseThrow().problem()).hasValueSatisfying(problem ->
                assertThat(problem).startsWith("archive objects: bucket 'acme-archive' has no object lock"));
        assertThat(live.items(ORDERS).get(keyOf(item)).has("expiresAt")).isFalse();
    }

    @Test
    void placingAndReleasing_areAuditedInThePolicysHistory_andEnforcementRunsInTheBackground() {
        Item item = liveOrder("customer#1", "order#1", SOON);

        service.place(singleItem("case-1", item));
        service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob"));

        List<AuditRecord> history = audit.history("policy/orders-retention").stream()
                .filter(record -> record.action() != AuditAction.POLICY_DECLARED).toList();
        assertThat(history).extracting(AuditRecord::action).containsExactly(AuditAction.HOLD_PLACED, AuditAction.HOLD_RELEASED);
        assertThat(history).extracting(AuditRecord::actor).containsExactly("alice", "bob");
        assertThat(history.get(0).summary()).contains("case-1", "litigation 2026-17");
        assertThat(background).hasSize(2);
    }

    @Test
    void mistakes_areNamedExceptions() {
        Item item = liveOrder("customer#1", "order#1", SOON);
        service.place(singleItem("case-1", item));

        assertThatThrownBy(() -> service.place(singleItem("case-1", item))).isInstanceOf(HoldAlreadyExistsException.class);
        assertThatThrownBy(() -> service.release(new ReleaseHoldCommand(new HoldId("case-9"), "bob")))
                .isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> service.place(new PlaceHoldCommand(new HoldId("case-2"), TableName.of("invoices"),
                new HoldScope.SingleItem(keyOf(item)), "x", "alice"))).isInstanceOf(TableNotGovernedException.class);
        assertThatThrownBy(() -> service.place(new PlaceHoldCommand(new HoldId("case-3"), ORDERS,
                new HoldScope.SingleItem(ItemKey.of("id", s("1"))), "x", "alice"))).hasMessageContaining("'pk' is missing");
        assertThatThrownBy(() -> new PlaceHoldCommand(new HoldId("case-4"), ORDERS, new HoldScope.SingleItem(keyOf(item)), " ", "alice"))
                .hasMessageContaining("must give its reason");
        service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob"));
        assertThatThrownBy(() -> service.release(new ReleaseHoldCommand(new HoldId("case-1"), "bob")))
                .as("a hold being released is not active").isInstanceOf(HoldNotFoundException.class);
    }

    private Item liveOrder(String pk, String sk, long ttl) {
        Item item = order(pk, sk, ttl);
        live.put(ORDERS, keyOf(item), item);
        return item;
    }

    private static PlaceHoldCommand singleItem(String id, Item item) {
        return new PlaceHoldCommand(new HoldId(id), ORDERS, new HoldScope.SingleItem(keyOf(item)), "litigation 2026-17", "alice");
    }

    private static ItemKey keyOf(Item item) {
        return SCHEMA.keyOf(item);
    }

    private static ArchiveLocation at(ObjectKey key) {
        return new ArchiveLocation(BUCKET, key);
    }

    private static Item project(Item item, List<String> attributes) {
        java.util.Map<String, dev.lifecycle.domain.item.AttributeValue> projected = new java.util.LinkedHashMap<>();
        attributes.forEach(name -> item.get(name).ifPresent(value -> projected.put(name, value)));
        return new Item(projected);
    }
}
