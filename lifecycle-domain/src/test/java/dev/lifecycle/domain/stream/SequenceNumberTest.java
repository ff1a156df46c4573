package dev.lifecycle.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceNumberTest {

    private static final String FORTY_NINES = "9".repeat(40);

    @Test
    void ordering_isNumeric_notLexicographic() {
        assertThat(SequenceNumber.of("9")).isLessThan(SequenceNumber.of("10"));
        assertThat(SequenceNumber.of("99999999999999999999")).isLessThan(SequenceNumber.of("100000000000000000000"));
    }

    @Test
    void sorting_putsNumbersInNumericOrder() {
        List<SequenceNumber> numbers = new ArrayList<>(List.of(
                SequenceNumber.of("100"), SequenceNumber.of("9"), SequenceNumber.of("4421584500000000017450439091"),
                SequenceNumber.of("10")));

        Collections.sort(numbers);

        assertThat(numbers).extracting(SequenceNumber::value)
                .containsExactly("9", "10", "100", "4421584500000000017450439091");
    }

    @Test
    void fortyDigits_areAccepted_andCompareBeyondLong() {
        assertThat(SequenceNumber.of(FORTY_NINES)).isGreaterThan(SequenceNumber.of("1" + "0".repeat(39)));
        assertThat(SequenceNumber.of(FORTY_NINES).value()).hasSize(40);
    }

    @Test
    void fortyOneDigits_areRejected_namingTheValue() {
        String value = "1" + "0".repeat(40);

        assertThatThrownBy(() -> SequenceNumber.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("1 to 40 decimal digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12a", "-1", "+1", " 1", "1 ", "1.0", "1E3", "0x10", "\u0661\u0662"})
    void nonDigits_areRejected_namingTheValue(String value) {
        assertThatThrownBy(() -> SequenceNumber.of(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void null_isRejected() {
        assertThatThrownBy(() -> SequenceNumber.of(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameDigits_areEqual() {
        assertThat(SequenceNumber.of("4421584500000000017450439091"))
                .isEqualTo(SequenceNumber.of("4421584500000000017450439091"))
                .hasToString("4421584500000000017450439091");
    }
}
