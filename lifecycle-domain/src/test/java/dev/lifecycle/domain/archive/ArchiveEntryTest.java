package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.RandomValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveEntryTest {

    private static final TableName ORDERS = TableName.of("orders");
    private static final ItemKey KEY = ItemKey.of("pk", s("c#1"), "sk", s("o/2"));
    private static final PolicyId POLICY = PolicyId.of("orders-retention");

    private static Item oldImage() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("total", n("129.90"));
        attributes.put("sk", s("o/2"));
        attributes.put("pk", s("c#1"));
        return new Item(attributes);
    }

    private static ArchiveEntry entry(Item oldImage) {
        return entry(ORDERS, KEY, oldImage, DeletionCause.TTL, EVENT_TIME, "event-1", "100");
    }

    private static ArchiveEntry entry(TableName table, ItemKey key, Item oldImage, DeletionCause cause, Instant deletedAt,
                                      String eventId, String sequence) {
        return ArchiveEntry.create(table, key, oldImage, cause, deletedAt, eventId, SequenceNumber.of(sequence), POLICY,
                PolicyVersion.initial());
    }

    private static ArchiveEntry withChecksum(ArchiveEntry entry, String checksum) {
        return new ArchiveEntry(entry.table(), entry.key(), entry.oldImage(), entry.cause(), entry.deletedAt(),
                entry.eventId(), entry.sequenceNumber(), entry.policyId(), entry.policyVersion(), checksum);
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Stream<Long> seeds() {
        return RandomValues.seeds(51, 200);
    }

    @Test
    void canonicalContent_isTheExpectedJson() {
        assertThat(entry(oldImage()).canonicalContent()).isEqualTo("{"
                + "\"cause\":\"TTL\","
                + "\"deletedAt\":\"2026-11-22T10:15:30Z\","
                + "\"eventId\":\"event-1\","
                + "\"keys\":[{\"pk\":{\"S\":\"c#1\"}},{\"sk\":{\"S\":\"o/2\"}}],"
                + "\"oldImage\":{\"pk\":{\"S\":\"c#1\"},\"sk\":{\"S\":\"o/2\"},\"total\":{\"N\":\"129.9\"}},"
                + "\"sequenceNumber\":\"100\","
                + "\"table\":\"orders\""
                + "}");
    }

    @Test
    void create_computesTheSha256OfTheCanonicalContent() throws Exception {
        ArchiveEntry entry = entry(oldImage());

        assertThat(entry.contentSha256()).isEqualTo(sha256Hex(entry.canonicalContent())).matches("[0-9a-f]{64}");
    }

    @Test
    void constructingWithTheRightChecksum_isAccepted() {
        ArchiveEntry entry = entry(oldImage());

        assertThat(withChecksum(entry, entry.contentSha256())).isEqualTo(entry);
    }

    @Test
    void constructingWithAWrongChecksum_isRejected_namingBoth() {
        ArchiveEntry entry = entry(oldImage());
        String wrong = "0".repeat(64);

        assertThatThrownBy(() -> withChecksum(entry, wrong))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining(wrong)
                .hasMessageContaining(entry.contentSha256());
    }

    @Test
    void checksumOfOtherContent_isRejected() {
        ArchiveEntry entry = entry(oldImage());
        ArchiveEntry other = entry(oldImage().with("total", n("1")));

        assertThatThrownBy(() -> withChecksum(entry, other.contentSha256())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffledOldImage_hasTheSameContentAndChecksum(long seed) {
        RandomValues random = new RandomValues(seed);
        ItemKey key = random.itemKey();
        Item image = random.item(key);
        Item shuffled = random.shuffled(random.respelled(image));

        ArchiveEntry first = entry(ORDERS, key, image, DeletionCause.USER, EVENT_TIME, "e", "1");
        ArchiveEntry second = entry(ORDERS, key, shuffled, DeletionCause.USER, EVENT_TIME, "e", "1");

        assertThat(second.canonicalContent()).as("seed %d", seed).isEqualTo(first.canonicalContent());
        assertThat(second.contentSha256()).as("seed %d", seed).isEqualTo(first.contentSha256());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void oldImageWithOneValueChanged_hasAnotherChecksum(long seed) {
        RandomValues random = new RandomValues(seed);
        ItemKey key = random.itemKey();
        Item image = random.item(key).with("payload", random.value(2));
        List<String> others = new ArrayList<>(image.attributes().keySet());
        others.removeAll(key.asAttributes().keySet());
        String name = others.get((int) random.longBetween(0, others.size()));
        Item changed = image.with(name, random.changed(image.get(name).orElseThrow()));

        ArchiveEntry first = entry(ORDERS, key, image, DeletionCause.USER, EVENT_TIME, "e", "1");
        ArchiveEntry second = entry(ORDERS, key, changed, DeletionCause.USER, EVENT_TIME, "e", "1");

        assertThat(second.contentSha256()).as("seed %d: %s", seed, name).isNotEqualTo(first.contentSha256());
    }

    static Stream<Arguments> changedFacts() {
        return Stream.of(
                Arguments.of("cause", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(), e.oldImage(),
                        DeletionCause.EXPIRED, e.deletedAt(), e.eventId(), e.sequenceNumber().value())),
                Arguments.of("deletedAt", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(), e.oldImage(),
                        e.cause(), e.deletedAt().plusNanos(1), e.eventId(), e.sequenceNumber().value())),
                Arguments.of("eventId", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(), e.oldImage(),
                        e.cause(), e.deletedAt(), "event-2", e.sequenceNumber().value())),
                Arguments.of("sequenceNumber", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(), e.oldImage(),
                        e.cause(), e.deletedAt(), e.eventId(), "101")),
                Arguments.of("table", (UnaryOperator<ArchiveEntry>) e -> entry(TableName.of("orders-eu"), e.key(),
                        e.oldImage(), e.cause(), e.deletedAt(), e.eventId(), e.sequenceNumber().value())),
                Arguments.of("oldImage", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(),
                        e.oldImage().with("total", n("129.91")), e.cause(), e.deletedAt(), e.eventId(),
                        e.sequenceNumber().value())),
                Arguments.of("oldImage attribute added", (UnaryOperator<ArchiveEntry>) e -> entry(e.table(), e.key(),
                        e.oldImage().with("note", AttributeValue.nul()), e.cause(), e.deletedAt(), e.eventId(),
                        e.sequenceNumber().value())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changedFacts")
    void changingAnyFactOfTheRecord_changesTheChecksum(String fact, UnaryOperator<ArchiveEntry> change) {
        ArchiveEntry entry = entry(oldImage());

        ArchiveEntry changed = change.apply(entry);

        assertThat(changed.canonicalContent()).isNotEqualTo(entry.canonicalContent());
        assertThat(changed.contentSha256()).isNotEqualTo(entry.contentSha256());
    }

    @Test
    void policyIdAndVersion_areLeftOutOfTheContent() {
        ArchiveEntry first = entry(oldImage());
        ArchiveEntry second = ArchiveEntry.create(ORDERS, KEY, oldImage(), DeletionCause.TTL, EVENT_TIME, "event-1",
                SequenceNumber.of("100"), PolicyId.of("another-policy"), PolicyVersion.of(7));

        assertThat(second.contentSha256()).isEqualTo(first.contentSha256());
        assertThat(second.canonicalContent()).isEqualTo(first.canonicalContent()).doesNotContain("policy");
    }

    @Test
    void oldImageWithoutTheSortKey_isRejected() {
        assertThatThrownBy(() -> entry(oldImage().without("sk")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not carry the key");
    }

    @Test
    void oldImageWithAnotherKeyValue_isRejected() {
        assertThatThrownBy(() -> entry(oldImage().with("pk", s("c#2"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not carry the key");
    }

    @Test
    void oldImageWithTheKeyTypedDifferently_isRejected() {
        ItemKey numberKey = ItemKey.of("pk", n("1"));
        Item image = new Item(Map.of("pk", s("1")));

        assertThatThrownBy(() -> entry(ORDERS, numberKey, image, DeletionCause.TTL, EVENT_TIME, "e", "1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not carry the key");
    }

    @Test
    void oldImageWithTheNumberKeySpelledDifferently_isAccepted() {
        ItemKey key = ItemKey.of("pk", n("1.5"));
        Item image = new Item(Map.of("pk", n("1.50")));

        assertThat(entry(ORDERS, key, image, DeletionCause.TTL, EVENT_TIME, "e", "1").canonicalContent())
                .contains("\"keys\":[{\"pk\":{\"N\":\"1.5\"}}]").contains("\"oldImage\":{\"pk\":{\"N\":\"1.5\"}}");
    }

    @Test
    void partitionAndSortKeyExchanged_giveADifferentChecksum() {
        ItemKey key = ItemKey.of("a", s("x"), "b", s("y"));
        ItemKey exchanged = ItemKey.of("b", s("y"), "a", s("x"));
        Item image = new Item(Map.of("a", s("x"), "b", s("y")));

        assertThat(entry(ORDERS, key, image, DeletionCause.TTL, EVENT_TIME, "e", "1").contentSha256())
                .isNotEqualTo(entry(ORDERS, exchanged, image, DeletionCause.TTL, EVENT_TIME, "e", "1").contentSha256());
    }

    @Test
    void sequenceNumbersWithLeadingZeros_nameTheSameContent() {
        assertThat(entry(ORDERS, KEY, oldImage(), DeletionCause.TTL, EVENT_TIME, "e", "000100").contentSha256())
                .isEqualTo(entry(ORDERS, KEY, oldImage(), DeletionCause.TTL, EVENT_TIME, "e", "100").contentSha256());
    }

    @Test
    void constructingWithAMissingField_isRejected() {
        ArchiveEntry entry = entry(oldImage());

        assertThatThrownBy(() -> new ArchiveEntry(entry.table(), entry.key(), entry.oldImage(), null, entry.deletedAt(),
                entry.eventId(), entry.sequenceNumber(), entry.policyId(), entry.policyVersion(), entry.contentSha256()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
    }

    @Test
    void createWithAMissingField_isRejected() {
        assertThatThrownBy(() -> ArchiveEntry.create(ORDERS, KEY, oldImage(), null, EVENT_TIME, "event-1",
                SequenceNumber.of("100"), POLICY, PolicyVersion.initial()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("required");
    }

    @Test
    void blankEventId_isRejected() {
        assertThatThrownBy(() -> entry(ORDERS, KEY, oldImage(), DeletionCause.TTL, EVENT_TIME, " ", "100"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loneSurrogate_cannotReachAChecksum_soItCannotCollideWithAQuestionMark() {
        // UTF-8 would encode an unpaired surrogate as '?': such text is refused where it enters.
        assertThatThrownBy(() -> oldImage().with("note", s("\uD800")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> oldImage().with("\uDC00", s("?")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unpaired surrogate");
    }
}
