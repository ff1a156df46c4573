package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberValueTest {

    private static final String DIGITS_38 = "12345678901234567890123456789012345678";
    private static final String LARGEST = "9.9999999999999999999999999999999999999E+125";

    @Test
    void thirtyEightSignificantDigits_areAccepted() {
        assertThat(n(DIGITS_38).value()).isEqualTo(DIGITS_38);
    }

    @Test
    void thirtyNineSignificantDigits_areRejected_namingTheValue() {
        String digits39 = DIGITS_38 + "9";

        assertThatThrownBy(() -> n(digits39))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + digits39 + "'")
                .hasMessageContaining("39 significant digits");
    }

    @Test
    void thirtyNineSignificantDigitsAroundADecimalPoint_areRejected() {
        assertThatThrownBy(() -> n("1.23456789012345678901234567890123456789"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("significant digits");
    }

    @Test
    void aNumberTextOfAHundredThousandDigits_isRefusedByItsLength_beforeParsing_andNotEchoedWhole() {
        // BigDecimal parses long texts in quadratic time: 2 million digits take minutes, which one
        // record of a 6 MB Lambda batch could make the processor spend
        String digits = "1".repeat(100_000);

        assertThatThrownBy(() -> n(digits))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("N value '" + "1".repeat(40) + "...' is 100000 characters long; no DynamoDB number needs more than "
                        + AttributeValue.N.MAX_TEXT_LENGTH);
    }

    @Test
    void theLongestPlainSpellingOfADynamoDbNumber_isAccepted() {
        String smallest38Digits = "-0." + "0".repeat(129) + DIGITS_38;

        assertThat(n(smallest38Digits).value()).isEqualTo(smallest38Digits);
    }

    @Test
    void trailingZerosOfAnInteger_areNotSignificant() {
        String value = "1" + "0".repeat(40);

        assertThat(n(value).value()).isEqualTo(value);
    }

    @Test
    void trailingZerosAfterTheDecimalPoint_areNotSignificant() {
        String value = DIGITS_38.substring(0, 37) + "." + "0".repeat(50);

        assertThat(n(value).canonical()).isEqualTo(DIGITS_38.substring(0, 37));
    }

    @Test
    void leadingZeros_areNotSignificant() {
        String value = "000.000000" + DIGITS_38;

        assertThat(n(value).canonical()).isEqualTo("0.000000" + DIGITS_38);
    }

    @Test
    void smallestMagnitude_isAccepted() {
        assertThat(n("1E-130").toBigDecimal()).isEqualByComparingTo(new BigDecimal("1E-130"));
        assertThat(n("-1E-130").toBigDecimal()).isEqualByComparingTo(new BigDecimal("-1E-130"));
    }

    @Test
    void largestMagnitude_isAccepted() {
        assertThat(n(LARGEST).toBigDecimal()).isEqualByComparingTo(new BigDecimal(LARGEST));
        assertThat(n("-" + LARGEST).toBigDecimal()).isEqualByComparingTo(new BigDecimal("-" + LARGEST));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E-131", "-1E-131", "9.9999999999999999999999999999999999999E-131"})
    void magnitudeBelow1EMinus130_isRejected_namingTheValue(String value) {
        assertThatThrownBy(() -> n(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("outside DynamoDB's range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1E+126", "-1E+126", "1" + "0000000000" + "0000000000" + "0000000000" + "0000000000"
            + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000" + "0000000000"
            + "0000000000" + "000000"})
    void magnitudeOf1E126OrMore_isRejected_namingTheValue(String value) {
        assertThatThrownBy(() -> n(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("outside DynamoDB's range");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "0.000", "0E+3"})
    void zero_isAcceptedInAnySpelling(String value) {
        assertThat(n(value)).isEqualTo(n("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "", " 1", "1 ", "0x10", "1,5", "1e", "--1", "1_000", "one"})
    void textThatIsNoDecimalNumber_isRejected_namingTheValue(String value) {
        assertThatThrownBy(() -> n(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("not a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0661\u0662\u0663", "\uFF11", "1\u0660"})
    void nonAsciiDigits_areRejected(String value) {
        assertThatThrownBy(() -> n(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void nullText_isRejected() {
        assertThatThrownBy(() -> n(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("N value");
    }

    @Test
    void numbersWithTrailingZeros_areEqual_andHashAlike() {
        assertThat(n("1.50")).isEqualTo(n("1.5"));
        assertThat(n("1.50").hashCode()).isEqualTo(n("1.5").hashCode());
    }

    @Test
    void exponentForm_equalsPlainForm_andHashesAlike() {
        assertThat(n("1E2")).isEqualTo(n("100"));
        assertThat(n("1E2").hashCode()).isEqualTo(n("100").hashCode());
    }

    @Test
    void negativeZero_equalsZero_andHashesAlike() {
        assertThat(n("-0")).isEqualTo(n("0"));
        assertThat(n("-0").hashCode()).isEqualTo(n("0").hashCode());
        assertThat(n("-0.00").hashCode()).isEqualTo(n("0E+5").hashCode());
    }

    @Test
    void numbersDifferingOnlyInTheThirtyEighthDigit_areNotEqual() {
        assertThat(n("1.5")).isNotEqualTo(n("1.500000000000000000000000000000000001"));
        assertThat(n(DIGITS_38)).isNotEqualTo(n(DIGITS_38.substring(0, 37) + "9"));
    }

    @Test
    void aNumberIsNotEqualToAStringWithTheSameText() {
        assertThat((AttributeValue) n("1")).isNotEqualTo(AttributeValue.s("1"));
    }

    @Test
    void textIsKeptAsGiven() {
        assertThat(n("1.50").value()).isEqualTo("1.50");
        assertThat(n("1E2").value()).isEqualTo("1E2");
        assertThat(n("-0").value()).isEqualTo("-0");
        assertThat(n("1.50").asText()).isEqualTo("1.50");
    }

    @Test
    void canonical_dropsTrailingZerosExponentAndSignOfZero() {
        assertThat(n("1.50").canonical()).isEqualTo("1.5");
        assertThat(n("1E2").canonical()).isEqualTo("100");
        assertThat(n("-0").canonical()).isEqualTo("0");
        assertThat(n("0.000").canonical()).isEqualTo("0");
        assertThat(n("1.0E-5").canonical()).isEqualTo("0.00001");
        assertThat(n("-12.3400").canonical()).isEqualTo("-12.34");
        assertThat(n("+7").canonical()).isEqualTo("7");
    }

    @Test
    void canonical_writesTheLargestMagnitudeInFull() {
        assertThat(n("1E+125").canonical()).isEqualTo("1" + "0".repeat(125));
        assertThat(n("1E-130").canonical()).isEqualTo("0." + "0".repeat(129) + "1");
    }

    @Test
    void thirtyEightDigitFraction_keepsEveryDigit_neverGoingThroughDouble() {
        String value = "0.1" + "0".repeat(36) + "1";

        assertThat(n(value).value()).isEqualTo(value);
        assertThat(n(value).canonical()).isEqualTo(value);
        assertThat(n(value).toBigDecimal()).isEqualByComparingTo(new BigDecimal(value));
        assertThat(n(value)).isNotEqualTo(n("0.1"));
    }

    @Test
    void integerBeyondLong_keepsEveryDigit() {
        assertThat(n(DIGITS_38).canonical()).isEqualTo(DIGITS_38);
        assertThat(n(DIGITS_38)).isNotEqualTo(n("1.2345678901234568E37"));
    }

    @Test
    void longFactory_writesTheDecimalText() {
        assertThat(AttributeValue.n(Long.MIN_VALUE).value()).isEqualTo("-9223372036854775808");
    }

    @Test
    void theCanonicalTextOfShortPlainNumbers_isBigDecimalsStrippedPlainText_forEveryShape() {
        java.util.Random random = new java.util.Random(20261203L);
        String[] fixed = {"0", "-0", "00", "-00.000", "0.0", "1", "-1", "10", "100", "007", "-007.70", "129.90", "0.5",
                "-0.5", "1.000", "12345678901234567890", "9999999999999999999", "0.0000000000000000001"};
        java.util.List<String> values = new java.util.ArrayList<>(java.util.List.of(fixed));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int integerDigits = 1 + random.nextInt(8);
            for (int d = 0; d < integerDigits; d++) {
                text.append(random.nextInt(4) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.append('.');
                int fractionDigits = 1 + random.nextInt(8);
                for (int d = 0; d < fractionDigits; d++) {
                    text.append(random.nextInt(3) == 0 ? '0' : (char) ('0' + random.nextInt(10)));
                }
            }
            values.add(text.toString());
        }
        for (String value : values) {
            String expected = new BigDecimal(value).stripTrailingZeros().toPlainString();
            assertThat(n(value).canonical()).as(value).isEqualTo(expected);
            assertThat(n(value)).as(value).isEqualTo(n(expected)).hasSameHashCodeAs(n(expected));
        }
    }

    @Test
    void numbersOutsideTheShortPlainShape_stillGoThroughFullValidation() {
        assertThat(n("1.5E3").canonical()).isEqualTo("1500");
        assertThat(n("5.").canonical()).isEqualTo("5");
        assertThat(n(".5").canonical()).isEqualTo("0.5");
        assertThat(n("+7").canonical()).isEqualTo("7");
        assertThatThrownBy(() -> n("-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> n("1.2.3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> n("١٢")).as("Arabic-Indic digits are not ASCII").isInstanceOf(IllegalArgumentException.class);
    }
}
