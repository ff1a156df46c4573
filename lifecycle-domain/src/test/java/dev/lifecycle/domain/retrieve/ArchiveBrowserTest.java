package dev.lifecycle.domain.retrieve;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestPolicies.policy;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ArchiveListing;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.FindArchivedItemQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ItemArchives;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ListArchivedDayQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ReadArchiveEntryQuery;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.ArchiveFixture;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ArchiveBrowserTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant NOV_24 = Instant.parse("2026-11-24T23:59:59Z");
    private static final long TTL = NOV_22.getEpochSecond() + 86_400;

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final ArchiveFixture archived = new ArchiveFixture(policies, store);
    private final ArchiveBrowser browser = new ArchiveBrowser(policies, store);

    @BeforeEach
    void governOrders() {
        policies.add(policy());
    }

    @Test
    void aDay_isListedPageByPage_inKeyOrder_withKeysDecodedFromTheObjectNames() {
        for (int i = 0; i < 5; i++) {
            archived.userDeleted(order("customer#" + i, "order#1", TTL), "10" + i, NOV_22);
        }
        archived.userDeleted(order("customer#9", "order#1", TTL), "200", NOV_24);

        List<ArchivedObject> seen = new ArrayList<>();
        Optional<String> token = Optional.empty();
        int pages = 0;
        do {
            ArchiveListing page = browser.listDay(new ListArchivedDayQuery(ORDERS, LocalDate.of(2026, 11, 22), token, 2));
            seen.addAll(page.objects());
            token = page.nextPageToken();
            pages++;
        } while (token.isPresent());

        assertThat(pages).isEqualTo(3);
        assertThat(seen).extracting(o -> o.itemKey().orElseThrow().partitionKey().value())
                .containsExactly(s("customer#0"), s("customer#1"), s("customer#2"), s("customer#3"), s("customer#4"));
        assertThat(seen).allSatisfy(o -> assertThat(o.day()).isEqualTo(LocalDate.of(2026, 11, 22)));
        assertThat(seen.get(0).objectKey().value()).isEqualTo("archive/orders/2026/11/22/S-customer%230~S-order%231/100.json");
    }

    @Test
    void anItem_isFoundOnEveryDayOfTheRange_oldestFirst_andNotOutsideIt() {
        ItemKey key = ItemKey.of("pk", s("customer#42"), "sk", s("order#7"));
        archived.userDeleted(order("customer#42", "order#7", TTL), "300", NOV_22);
        archived.userDeleted(order("customer#42", "order#7", TTL), "301", NOV_24);
        archived.userDeleted(order("customer#42", "order#7", TTL), "302", Instant.parse("2026-11-30T00:00:00Z"));
        archived.userDeleted(order("customer#43", "order#7", TTL), "303", NOV_22);

        ItemArchives found = browser.findItem(new FindArchivedItemQuery(ORDERS, key, LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 11, 29)));

        assertThat(found.objects()).extracting(ArchivedObject::sequenceNumber).containsExactly(SequenceNumber.of("300"),
                SequenceNumber.of("301"));
        assertThat(found.truncated()).isFalse();
    }

    @Test
    void anEntry_isReadWithItsFullOldImage() {
        ObjectKey key = archived.userDeleted(order("customer#1", "order#1", TTL), "400", NOV_22);

        ArchiveEntry entry = browser.read(new ReadArchiveEntryQuery(ORDERS, key));

        assertThat(entry.oldImage()).isEqualTo(order("customer#1", "order#1", TTL));
        assertThat(entry.sequenceNumber()).isEqualTo(SequenceNumber.of("400"));
    }

    @Test
    void anObjectOutsideTheTablesArchive_isRefusedBeforeAnythingIsRead() {
        ObjectKey foreign = new ObjectKey("archive/invoices/2026/11/22/S-a~S-b/1.json");

        assertThatThrownBy(() -> browser.read(new ReadArchiveEntryQuery(ORDERS, foreign)))
                .isInstanceOf(NotAnArchiveObjectException.class)
                .hasMessageContaining("archive/orders/<yyyy>/<MM>/<dd>/<key token>/<sequence number>.json");
    }

    @Test
    void aMissingObject_isNamedNotFound() {
        ObjectKey missing = new ObjectKey("archive/orders/2026/11/22/S-a~S-b/1.json");

        assertThatThrownBy(() -> browser.read(new ReadArchiveEntryQuery(ORDERS, missing)))
                .isInstanceOf(ArchiveEntryNotFoundException.class)
                .hasMessageContaining("s3://acme-archive/archive/orders/2026/11/22/S-a~S-b/1.json");
    }

    @Test
    void foreignFilesUnderTheDayPrefix_areLeftOutOfTheListing() {
        archived.userDeleted(order("customer#1", "order#1", TTL), "500", NOV_22);
        store.put(new ArchiveLocation(BucketName.of("acme-archive"), new ObjectKey("archive/orders/2026/11/22/README.txt")),
                store.objects().values().iterator().next());

        ArchiveListing listing = browser.listDay(new ListArchivedDayQuery(ORDERS, LocalDate.of(2026, 11, 22), Optional.empty(), 10));

        assertThat(listing.objects()).hasSize(1);
    }

    @Test
    void aTableWithoutPolicy_isNamedNotGoverned() {
        assertThatThrownBy(() -> browser.listDay(new ListArchivedDayQuery(TableName.of("invoices"), LocalDate.of(2026, 11, 22),
                Optional.empty(), 10)))
                .isInstanceOf(TableNotGovernedException.class)
                .hasMessage("no policy governs table 'invoices'");
    }

    @Test
    void aRangeOfMoreThanAYear_isRefusedAtConstruction() {
        ItemKey key = ItemKey.of("pk", s("a"), "sk", s("b"));

        assertThatThrownBy(() -> new FindArchivedItemQuery(ORDERS, key, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2)))
                .hasMessageContaining("spans 367 days; at most 366");
        assertThatThrownBy(() -> new FindArchivedItemQuery(ORDERS, key, LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("is after");
    }

    @Test
    void aKey_isReadFromExactlyTheKeyAttributesOfTheTable() {
        Item attributes = new Item(java.util.Map.of("pk", s("customer#1"), "sk", s("order#1")));

        assertThat(browser.keyOf(ORDERS, attributes)).isEqualTo(ItemKey.of("pk", s("customer#1"), "sk", s("order#1")));
        assertThatThrownBy(() -> browser.keyOf(ORDERS, new Item(java.util.Map.of("pk", s("customer#1")))))
                .hasMessageContaining("'sk' is missing");
        assertThatThrownBy(() -> browser.keyOf(ORDERS, new Item(java.util.Map.of("pk", s("c"), "sk", s("o"), "total", s("1")))))
                .hasMessageContaining("not [total]");
    }
}
