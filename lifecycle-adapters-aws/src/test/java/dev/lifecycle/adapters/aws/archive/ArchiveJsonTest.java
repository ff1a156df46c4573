package dev.lifecycle.adapters.aws.archive;

import static dev.lifecycle.adapters.aws.TestItems.item;
import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ArchiveJsonTest {

    private static final String OBJECT = "s3://acme-archive/archive/orders/2026/11/22/S-customer%2342~S-order%232026-11-01/4100000000000000000001.json";

    private static ArchiveEntry example() {
        return ArchiveExamples.archive().entry();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void exampleEntry_isWrittenToExactlyTheGoldenBytes() {
        byte[] golden = ArchiveExamples.resource("/archive-example.json");

        byte[] written = ArchiveJson.write(example());

        assertThat(text(written)).isEqualTo(text(golden));
        assertThat(written).isEqualTo(golden);
    }

    @Test
    void goldenBytes_readBackToTheExampleEntry() {
        assertThat(ArchiveJson.read(ArchiveExamples.resource("/archive-example.json"), OBJECT)).isEqualTo(example());
    }

    @Test
    void sameEntry_alwaysGivesTheSameBytes() {
        assertThat(ArchiveJson.write(example())).isEqualTo(ArchiveJson.write(example()));
    }

    @Test
    void oldImage_isWrittenAsReceivedNotCanonicalised() {
        String written = text(ArchiveJson.write(example()));

        assertThat(written).contains("\"total\": {\"N\": \"129.90\"}").contains("\"tags\": {\"SS\": [\"gift\", \"express\"]}");
    }

    @Test
    void alteredContent_isRejectedAsAChecksumMismatchNamingTheObject() {
        byte[] tampered = text(ArchiveJson.write(example())).replace("\"129.90\"", "\"1.90\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(tampered, OBJECT))
                .isInstanceOf(ArchiveChecksumMismatchException.class)
                .hasMessageStartingWith("archive object " + OBJECT + ": content does not match its checksum: contentSha256 states "
                        + example().contentSha256() + " but the content hashes to ");
    }

    @Test
    void alteredChecksum_isRejectedAsAChecksumMismatch() {
        String stated = example().contentSha256();
        String other = "0".repeat(64);
        byte[] tampered = text(ArchiveJson.write(example())).replace(stated, other).getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(tampered, OBJECT))
                .isInstanceOfSatisfying(ArchiveChecksumMismatchException.class, e -> {
                    assertThat(e.stated()).isEqualTo(other);
                    assertThat(e.computed()).isEqualTo(stated);
                    assertThat(e.objectName()).isEqualTo(OBJECT);
                });
    }

    @Test
    void exchangedPartitionAndSortKey_isRejectedAsAChecksumMismatch() {
        byte[] exchanged = text(ArchiveJson.write(example()))
                .replace("\"keys\": {\"pk\": {\"S\": \"customer#42\"}, \"sk\": {\"S\": \"order#2026-11-01\"}}",
                        "\"keys\": {\"sk\": {\"S\": \"order#2026-11-01\"}, \"pk\": {\"S\": \"customer#42\"}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(text(exchanged)).contains("\"keys\": {\"sk\"");
        assertThatThrownBy(() -> ArchiveJson.read(exchanged, OBJECT)).isInstanceOf(ArchiveChecksumMismatchException.class);
    }

    @Test
    void anotherPolicyVersion_doesNotChangeTheChecksum() {
        byte[] otherVersion = text(ArchiveJson.write(example())).replace("\"version\": 3", "\"version\": 4")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ArchiveJson.read(otherVersion, OBJECT).policyVersion()).isEqualTo(PolicyVersion.of(4));
    }

    @Test
    void numberRespelledInTheOldImage_isTheSameContent() {
        byte[] respelled = text(ArchiveJson.write(example())).replace("\"129.90\"", "\"1.2990E+2\"").getBytes(StandardCharsets.UTF_8);

        assertThat(ArchiveJson.read(respelled, OBJECT)).isEqualTo(example());
    }

    @Test
    void unknownFormat_isRejectedClearly() {
        byte[] future = text(ArchiveJson.write(example())).replace("lifecycle-archive/1", "lifecycle-archive/2")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(future, OBJECT))
                .isInstanceOf(UnreadableArchiveObjectException.class)
                .hasMessage("archive object " + OBJECT + ": format 'lifecycle-archive/2' is not one this version reads (lifecycle-archive/1)");
    }

    @Test
    void unknownFormatNotInFirstPlace_isRejectedBeforeItsFieldsAreRead() {
        byte[] json = "{\"keys\": [\"v2 keys are a list\"], \"format\": \"lifecycle-archive/2\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(json, OBJECT))
                .hasMessage("archive object " + OBJECT + ": format 'lifecycle-archive/2' is not one this version reads (lifecycle-archive/1)");
    }

    @Test
    void objectWithoutFormat_isRejected() {
        assertThatThrownBy(() -> ArchiveJson.read("{\"table\": \"orders\"}".getBytes(StandardCharsets.UTF_8), OBJECT))
                .hasMessage("archive object " + OBJECT + ": has no 'format' field: not a lifecycle archive object");
    }

    @Test
    void fieldsInAnotherOrder_areRead() {
        String written = text(ArchiveJson.write(example()));
        String[] lines = written.substring(2, written.length() - 3).split(",\n  ");
        java.util.Collections.reverse(java.util.Arrays.asList(lines));
        byte[] reordered = ("{" + String.join(",", lines) + "}").getBytes(StandardCharsets.UTF_8);

        assertThat(ArchiveJson.read(reordered, OBJECT)).isEqualTo(example());
    }

    @Test
    void unknownFields_areIgnored() {
        byte[] extended = text(ArchiveJson.write(example())).replace("\"cause\"", "\"note\": {\"added\": [1, 2]},\n  \"cause\"")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(ArchiveJson.read(extended, OBJECT)).isEqualTo(example());
    }

    @Test
    void missingField_isNamed() {
        byte[] missing = text(ArchiveJson.write(example())).replace("  \"eventId\": \"c81e728d9d4c2f636f067f89cc14862c\",\n", "")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(missing, OBJECT))
                .isInstanceOf(UnreadableArchiveObjectException.class)
                .hasMessage("archive object " + OBJECT + ": has no 'eventId'");
    }

    @Test
    void badValueInTheOldImage_isNamedByItsPath() {
        byte[] bad = text(ArchiveJson.write(example())).replace("\"129.90\"", "\"12,90\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(bad, OBJECT))
                .hasMessageStartingWith("archive object " + OBJECT + ": oldImage.total: N value '12,90' is not a decimal number");
    }

    @Test
    void unknownCause_isNamed() {
        byte[] bad = text(ArchiveJson.write(example())).replace("\"TTL\"", "\"PURGE\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(bad, OBJECT))
                .hasMessage("archive object " + OBJECT + ": cause: 'PURGE' is not one of TTL, EXPIRED, USER");
    }

    @Test
    void policyVersionThatIsNotAWholeNumber_isNamed() {
        byte[] bad = text(ArchiveJson.write(example())).replace("\"version\": 3", "\"version\": \"3\"").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ArchiveJson.read(bad, OBJECT))
                .hasMessage("archive object " + OBJECT + ": policy.version: must be a whole number of at most 19 digits, found a string '3'");
    }

    @Test
    void notJson_isRejectedWithThePosition() {
        assertThatThrownBy(() -> ArchiveJson.read("{\"format\": \"lifecycle-archive/1\",\n oops}".getBytes(StandardCharsets.UTF_8), OBJECT))
                .isInstanceOf(UnreadableArchiveObjectException.class)
                .hasMessageStartingWith("archive object " + OBJECT + ": not well-formed JSON at line 2, column 2");
    }

    @Test
    void keyWithoutSortKey_roundTrips() {
        Item image = item("id", n("42"), "name", s("x"));
        ArchiveEntry entry = ArchiveEntry.create(TableName.of("users"), ItemKey.of("id", n("42")), image, DeletionCause.USER,
                Instant.parse("2026-11-22T10:15:30.123456789Z"), "event-1", SequenceNumber.of("1"), PolicyId.of("users"),
                PolicyVersion.of(1));

        assertThat(ArchiveJson.read(ArchiveJson.write(entry), OBJECT)).isEqualTo(entry);
        assertThat(text(ArchiveJson.write(entry))).contains("\"deletedAt\": \"2026-11-22T10:15:30.123456789Z\"");
    }

    @Test
    void keysOrder_saysWhichIsThePartitionKey() {
        Item image = item("createdAt", s("2026"), "userId", s("u1"));
        ArchiveEntry entry = ArchiveEntry.create(TableName.of("events"), ItemKey.of("userId", s("u1"), "createdAt", s("2026")),
                image, DeletionCause.TTL, Instant.parse("2026-11-22T10:15:30Z"), "e", SequenceNumber.of("7"), PolicyId.of("events"),
                PolicyVersion.of(1));

        ArchiveEntry read = ArchiveJson.read(ArchiveJson.write(entry), OBJECT);

        assertThat(read.key().partitionKey().name()).isEqualTo("userId");
        assertThat(read.key().sortKey().orElseThrow().name()).isEqualTo("createdAt");
    }

    @Test
    void objectMetadata_describesTheEntry() {
        assertThat(ArchiveJson.objectMetadata(example())).containsExactly(
                entry("lifecycle-format", "lifecycle-archive/1"),
                entry("lifecycle-table", "orders"),
                entry("lifecycle-cause", "TTL"),
                entry("lifecycle-sequence-number", "4100000000000000000001"),
                entry("lifecycle-content-sha256", example().contentSha256()));
        assertThat(ArchiveJson.CONTENT_TYPE).isEqualTo("application/json");
    }

    @Test
    void checksum_isTheSha256OfTheCanonicalContent() throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(example().canonicalContent().getBytes(StandardCharsets.UTF_8));

        assertThat(example().contentSha256()).isEqualTo(java.util.HexFormat.of().formatHex(digest))
                .isEqualTo("fb5b01a01c1985980cd83a7271e9640b92d66a5fb1c868efb8b75630777bc4fb");
    }
}
