package dev.lifecycle.domain.expiry;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeType;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TtlReadingTest {

    private static final String TTL = "expiresAt";
    private static final Instant NEW_YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z");

    private static TtlReading read(AttributeValue ttl) {
        return TtlReading.read(new Item(Map.of("pk", s("a"), TTL, ttl)), TTL);
    }

    private static TtlFinding finding(AttributeValue ttl) {
        TtlReading reading = read(ttl);
        assertThat(reading).isInstanceOf(TtlReading.NeverExpires.class);
        return ((TtlReading.NeverExpires) reading).finding();
    }

    @Test
    void missingAttribute_isNamedMissing() {
        assertThat(TtlReading.read(new Item(Map.of("pk", s("a"))), TTL))
                .isEqualTo(new TtlReading.NeverExpires(new TtlFinding.Missing(TTL)));
    }

    @Test
    void anotherAttributeHoldingSeconds_doesNotCount() {
        assertThat(TtlReading.read(new Item(Map.of("ttl", n("1767225600"))), TTL))
                .isEqualTo(new TtlReading.NeverExpires(new TtlFinding.Missing(TTL)));
    }

    @Test
    void stringTypedTtl_isNamed_withTheRawText() {
        assertThat(finding(s("1767225600"))).isEqualTo(new TtlFinding.StringTyped(TTL, "1767225600"));
    }

    @Test
    void booleanTtl_isWrongType() {
        assertThat(finding(AttributeValue.bool(true))).isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.BOOL));
    }

    @Test
    void mapTtl_isWrongType() {
        assertThat(finding(new AttributeValue.M(Map.of("seconds", n("1767225600")))))
                .isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.M));
    }

    @Test
    void stringSetTtl_isWrongType() {
        assertThat(finding(AttributeValue.SS.of("1767225600"))).isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.SS));
    }

    @Test
    void numberSetAndListAndNullTtl_areWrongType() {
        assertThat(finding(AttributeValue.NS.of("1767225600"))).isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.NS));
        assertThat(finding(AttributeValue.L.of(n("1767225600")))).isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.L));
        assertThat(finding(AttributeValue.nul())).isEqualTo(new TtlFinding.WrongType(TTL, AttributeType.NULL));
    }

    @Test
    void epochSeconds_areExpiring() {
        assertThat(read(n("1767225600"))).isEqualTo(new TtlReading.Expiring(NEW_YEAR_2026));
    }

    @Test
    void epochSecondsInExponentForm_areExpiring() {
        assertThat(read(n("1.7672256E+9"))).isEqualTo(new TtlReading.Expiring(NEW_YEAR_2026));
    }

    @Test
    void fractionalSeconds_keepTheirNanos() {
        assertThat(read(n("1767225600.123456789")))
                .isEqualTo(new TtlReading.Expiring(NEW_YEAR_2026.plusNanos(123_456_789)));
    }

    @Test
    void negativeFractionalSeconds_lieBeforeTheEpoch_byExactlyThatMuch() {
        assertThat(read(n("-1.25"))).isEqualTo(new TtlReading.Expiring(Instant.EPOCH.minusMillis(1250)));
    }

    @Test
    void zero_isTheEpoch() {
        assertThat(read(n("0"))).isEqualTo(new TtlReading.Expiring(Instant.EPOCH));
    }

    @Test
    void secondsJustBelow1E11_areExpiring() {
        assertThat(read(n("99999999999"))).isEqualTo(new TtlReading.Expiring(Instant.ofEpochSecond(99_999_999_999L)));
        assertThat(read(n("99999999999.999999999")))
                .isEqualTo(new TtlReading.Expiring(Instant.ofEpochSecond(99_999_999_999L, 999_999_999)));
    }

    @Test
    void ttlOf1E11_isNamedMilliseconds() {
        assertThat(finding(n("100000000000")))
                .isEqualTo(new TtlFinding.Milliseconds(TTL, "100000000000", Instant.ofEpochMilli(100_000_000_000L)));
    }

    @Test
    void ttlInMilliseconds_isNamedAFinding_andNeverExpires() {
        assertThat(finding(n("1767225600000")))
                .isEqualTo(new TtlFinding.Milliseconds(TTL, "1767225600000", NEW_YEAR_2026));
    }

    @Test
    void ttlInMilliseconds_probablyMeansTheExactMillisecond() {
        assertThat(finding(n("1767225600123")))
                .isEqualTo(new TtlFinding.Milliseconds(TTL, "1767225600123", NEW_YEAR_2026.plusMillis(123)));
    }

    @Test
    void ttlInMillisecondsInExponentForm_keepsItsRawText() {
        assertThat(finding(n("1.7672256E+12")))
                .isEqualTo(new TtlFinding.Milliseconds(TTL, "1.7672256E+12", NEW_YEAR_2026));
    }

    @Test
    void ttlInMicroseconds_isNamed_withTheMeantInstant() {
        assertThat(finding(n("1767225600123456")))
                .isEqualTo(new TtlFinding.Microseconds(TTL, "1767225600123456", NEW_YEAR_2026.plusNanos(123_456_000)));
    }

    @Test
    void ttlInNanoseconds_isNamed_withTheMeantInstant() {
        assertThat(finding(n("1767225600123456789")))
                .isEqualTo(new TtlFinding.Nanoseconds(TTL, "1767225600123456789", NEW_YEAR_2026.plusNanos(123_456_789)));
    }

    @Test
    void justBelow1E20_isStillNanoseconds() {
        assertThat(finding(n("99999999999999999999"))).isInstanceOf(TtlFinding.Nanoseconds.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E20", "100000000000000000000", "9.9999999999999999999999999999999999999E+125"})
    void numberOf1E20OrMore_isOutOfRange(String ttl) {
        assertThat(finding(n(ttl))).isEqualTo(new TtlFinding.OutOfRange(TTL, ttl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-100000000000", "-1E11", "-1767225600000", "-1E20"})
    void veryNegativeNumber_isOutOfRange(String ttl) {
        assertThat(finding(n(ttl))).isEqualTo(new TtlFinding.OutOfRange(TTL, ttl));
    }

    @Test
    void slightlyNegativeSeconds_areExpiringBefore1970() {
        assertThat(read(n("-99999999999"))).isEqualTo(new TtlReading.Expiring(Instant.ofEpochSecond(-99_999_999_999L)));
    }

    @Test
    void everyFinding_namesTheAttributeInItsDescription() {
        List<TtlFinding> findings = List.of(
                new TtlFinding.Missing(TTL),
                new TtlFinding.StringTyped(TTL, "1767225600"),
                new TtlFinding.WrongType(TTL, AttributeType.BOOL),
                finding(n("1767225600000")),
                finding(n("1767225600000000")),
                finding(n("1767225600000000000")),
                finding(n("1E20")));

        assertThat(findings).allSatisfy(finding -> assertThat(finding.describe()).contains("'" + TTL + "'"));
    }

    @Test
    void millisecondsFinding_describesTheRawValueAndTheMeantInstant() {
        assertThat(finding(n("1767225600000")).describe())
                .contains("1767225600000").contains("milliseconds").contains("2026-01-01T00:00:00Z");
    }

    @Test
    void stringTypedFinding_describesTheRawValue() {
        assertThat(finding(s("1767225600")).describe()).contains("'1767225600'").contains("String");
    }

    @Test
    void emptyAttributeName_isRejected() {
        assertThatThrownBy(() -> TtlReading.read(new Item(Map.of()), "")).isInstanceOf(IllegalArgumentException.class);
    }
}
