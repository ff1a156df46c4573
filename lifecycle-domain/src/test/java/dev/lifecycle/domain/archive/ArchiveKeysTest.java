package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.bucket.KeyPrefix;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

class ArchiveKeysTest {

    private static final KeyPrefix PREFIX = KeyPrefix.of("archive");
    private static final TableName ORDERS = TableName.of("orders");
    private static final ItemKey KEY = ItemKey.of("pk", s("customer#1"), "sk", s("order/2"));
    private static final SequenceNumber SEQUENCE = SequenceNumber.of("4421584500000000017450439091");

    private static String keyAt(Instant deletedAt) {
        return ArchiveKeys.forRecord(PREFIX, ORDERS, deletedAt, KEY, SEQUENCE).value();
    }

    @Test
    void knownRecord_getsTheExpectedKey() {
        assertThat(keyAt(EVENT_TIME))
                .isEqualTo("archive/orders/2026/11/22/S-customer%231~S-order%2F2/4421584500000000017450439091.json");
    }

    @Test
    void rootPrefix_givesAKeyWithoutLeadingSlash() {
        ObjectKey key = ArchiveKeys.forRecord(KeyPrefix.root(), ORDERS, EVENT_TIME, KEY, SEQUENCE);

        assertThat(key.value()).startsWith("orders/2026/11/22/");
    }

    @Test
    void nestedPrefix_isFollowedByOneSlash() {
        ObjectKey key = ArchiveKeys.forRecord(KeyPrefix.of("tenant-a/archive"), ORDERS, EVENT_TIME, KEY, SEQUENCE);

        assertThat(key.value()).startsWith("tenant-a/archive/orders/2026/11/22/").doesNotContain("//");
    }

    @Test
    void lastSecondOfADayInUtc_isFiledUnderThatDay() {
        assertThat(keyAt(Instant.parse("2026-11-22T23:59:59.999999999Z"))).startsWith("archive/orders/2026/11/22/");
    }

    @Test
    void midnightUtc_isFiledUnderTheNextDay() {
        assertThat(keyAt(Instant.parse("2026-11-23T00:00:00Z"))).startsWith("archive/orders/2026/11/23/");
    }

    @Test
    void defaultTimeZone_doesNotChangeTheDay() {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            String ahead = keyAt(Instant.parse("2026-11-22T23:59:59Z"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Pago_Pago"));
            String behind = keyAt(Instant.parse("2026-11-23T00:00:00Z"));

            assertThat(ahead).startsWith("archive/orders/2026/11/22/");
            assertThat(behind).startsWith("archive/orders/2026/11/23/");
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void monthAndDay_areZeroPadded() {
        assertThat(keyAt(Instant.parse("2027-01-05T12:00:00Z"))).startsWith("archive/orders/2027/01/05/");
    }

    @Test
    void sameRecord_alwaysGetsTheSameKey() {
        assertThat(keyAt(EVENT_TIME)).isEqualTo(keyAt(EVENT_TIME));
    }

    @Test
    void anotherSequenceNumber_getsAnotherKey() {
        ObjectKey other = ArchiveKeys.forRecord(PREFIX, ORDERS, EVENT_TIME, KEY, SequenceNumber.of("4421584500000000017450439092"));

        assertThat(other.value()).isNotEqualTo(keyAt(EVENT_TIME));
    }

    @Test
    void sequenceNumbersWithLeadingZeros_getTheKeyOfTheSameNumber() {
        ObjectKey padded = ArchiveKeys.forRecord(KeyPrefix.of("archive"), TableName.of("orders"), Instant.parse("2026-11-22T10:15:30Z"),
                ItemKey.of("pk", s("a")), SequenceNumber.of("000123"));

        assertThat(padded.value()).endsWith("/S-a/123.json");
    }

    @Test
    void defaultLocale_doesNotChangeTheDigitsOfTheDate() {
        java.util.Locale original = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
            String arabic = keyAt(EVENT_TIME);
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("th-TH-u-nu-thai"));
            String thai = keyAt(EVENT_TIME);

            assertThat(arabic).isEqualTo(thai).contains("/2026/11/22/");
        } finally {
            java.util.Locale.setDefault(original);
        }
    }

    @Test
    void key_liesUnderItsItemPrefix_whichLiesUnderItsDayPrefix() {
        LocalDate day = LocalDate.of(2026, 11, 22);

        assertThat(keyAt(EVENT_TIME))
                .startsWith(ArchiveKeys.itemPrefix(PREFIX, ORDERS, day, KEY))
                .startsWith(ArchiveKeys.dayPrefix(PREFIX, ORDERS, day));
        assertThat(ArchiveKeys.dayPrefix(PREFIX, ORDERS, day)).isEqualTo("archive/orders/2026/11/22/");
    }

    @Test
    void longestParts_stayWithin1024Bytes() {
        KeyPrefix prefix = KeyPrefix.of("日".repeat(85) + "p");
        TableName table = TableName.of("t".repeat(255));
        ItemKey key = ItemKey.of("pk", s("😀".repeat(1024)), "sk", s("/".repeat(2048)));
        SequenceNumber sequence = SequenceNumber.of("9".repeat(40));

        ObjectKey objectKey = ArchiveKeys.forRecord(prefix, table, EVENT_TIME, key, sequence);

        assertThat(prefix.value().getBytes(StandardCharsets.UTF_8)).hasSize(KeyPrefix.MAX_BYTES);
        assertThat(objectKey.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ObjectKey.MAX_BYTES);
    }

    @Test
    void longestUnshortenedToken_staysWithin1024Bytes() {
        KeyPrefix prefix = KeyPrefix.of("p".repeat(KeyPrefix.MAX_BYTES));
        TableName table = TableName.of("t".repeat(255));
        ItemKey key = ItemKey.of("pk", s("a".repeat(198)));

        ObjectKey objectKey = ArchiveKeys.forRecord(prefix, table, EVENT_TIME, key, SequenceNumber.of("9".repeat(40)));

        assertThat(objectKey.value()).contains("/S-" + "a".repeat(198) + "/");
        assertThat(objectKey.value().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ObjectKey.MAX_BYTES);
    }

    private static final KeySchema SCHEMA = KeySchema.composite("pk", "sk");

    @Test
    void anArchiveKey_isReadBack_intoDayKeyAndSequenceNumber() {
        ObjectKey key = ArchiveKeys.forRecord(PREFIX, ORDERS, EVENT_TIME, KEY, SEQUENCE);

        ArchivedObject object = ArchiveKeys.parse(PREFIX, ORDERS, SCHEMA, key).orElseThrow();

        assertThat(object.day()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(object.itemKey()).contains(KEY);
        assertThat(object.keyToken()).isEqualTo("S-customer%231~S-order%2F2");
        assertThat(object.sequenceNumber()).isEqualTo(SEQUENCE);
    }

    @Test
    void aShortenedKeyToken_isReadBackWithoutItsKey() {
        ItemKey longKey = ItemKey.of("pk", s("a".repeat(300)), "sk", s("b"));
        ObjectKey key = ArchiveKeys.forRecord(PREFIX, ORDERS, EVENT_TIME, longKey, SEQUENCE);

        ArchivedObject object = ArchiveKeys.parse(PREFIX, ORDERS, SCHEMA, key).orElseThrow();

        assertThat(object.itemKey()).isEmpty();
        assertThat(object.keyToken()).startsWith("H-");
    }

    @Test
    void keysThatAreNotArchiveObjectsOfTheTable_areNotReadBack() {
        for (String foreign : java.util.List.of(
                "archive/invoices/2026/11/22/S-a~S-b/1.json",
                "other/orders/2026/11/22/S-a~S-b/1.json",
                "archive/orders/2026/11/22/README.txt",
                "archive/orders/2026/11/22/S-a~S-b/1.txt",
                "archive/orders/2026/13/22/S-a~S-b/1.json",
                "archive/orders/2026/2/22/S-a~S-b/1.json",
                "archive/orders/2026/11/22/S-a~S-b/01.json",
                "archive/orders/2026/11/22/S-a~S-b/x.json",
                "archive/orders/2026/11/22/S-a/1.json",
                "archive/orders/2026/11/22/S-a~Q-b/1.json",
                "archive/orders/2026/11/22/extra/S-a~S-b/1.json")) {
            assertThat(ArchiveKeys.parse(PREFIX, ORDERS, SCHEMA, new ObjectKey(foreign))).as(foreign).isEmpty();
        }
    }

    @Test
    void theDayFolder_isTheUtcDayOfTheDeletion_forInstantsAcrossTheYearsAndAroundMidnight() {
        java.util.Random random = new java.util.Random(3L);
        java.util.List<Instant> instants = new java.util.ArrayList<>(java.util.List.of(Instant.EPOCH, Instant.EPOCH.minusNanos(1),
                Instant.parse("1969-12-31T23:59:59.999Z"), Instant.parse("2026-12-31T23:59:59.999999999Z"),
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-06-01T12:00:00Z")));
        for (int i = 0; i < 5_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong() % 250_000_000_000L, random.nextInt(1_000_000_000)));
        }
        for (Instant deletedAt : instants) {
            java.time.LocalDate day = java.time.LocalDate.ofInstant(deletedAt, java.time.ZoneOffset.UTC);
            String expected = String.format(java.util.Locale.ROOT, "archive/orders/%04d/%02d/%02d/", day.getYear(),
                    day.getMonthValue(), day.getDayOfMonth());
            assertThat(ArchiveKeys.forRecord(PREFIX, ORDERS, deletedAt, KEY, SEQUENCE).value()).as(deletedAt.toString())
                    .startsWith(expected);
        }
    }
}
