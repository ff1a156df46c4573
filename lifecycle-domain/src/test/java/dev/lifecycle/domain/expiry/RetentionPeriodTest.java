package dev.lifecycle.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionPeriodTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void zeroRetention_isRejected() {
        assertThatThrownBy(() -> RetentionPeriod.ofSeconds(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void negativeRetention_isRejected() {
        assertThatThrownBy(() -> RetentionPeriod.ofDays(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void fractionalSecondRetention_isRejected() {
        assertThatThrownBy(() -> new RetentionPeriod(Duration.ofMillis(1500)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole seconds");
    }

    @Test
    void oneNanosecondOverAWholeSecond_isRejected() {
        assertThatThrownBy(() -> new RetentionPeriod(Duration.ofDays(30).plusNanos(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("whole seconds");
    }

    @Test
    void moreThan36500Days_isRejected() {
        assertThatThrownBy(() -> RetentionPeriod.ofDays(36_501))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 36500 days");
    }

    @Test
    void oneSecondOver36500Days_isRejected() {
        assertThatThrownBy(() -> new RetentionPeriod(Duration.ofDays(36_500).plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 36500 days");
    }

    @Test
    void exactly36500Days_isAccepted() {
        assertThat(RetentionPeriod.ofDays(36_500).duration()).isEqualTo(RetentionPeriod.MAXIMUM);
    }

    @Test
    void oneSecond_isAccepted() {
        assertThat(RetentionPeriod.ofSeconds(1).duration()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void nullDuration_isRejected() {
        assertThatThrownBy(() -> new RetentionPeriod(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_readsDays() {
        assertThat(RetentionPeriod.parse("P30D")).isEqualTo(RetentionPeriod.ofDays(30));
    }

    @Test
    void parse_readsHours() {
        assertThat(RetentionPeriod.parse("PT12H")).isEqualTo(RetentionPeriod.ofHours(12));
    }

    @Test
    void parse_ofBogusText_namesTheTextAndTheExpectedForm() {
        assertThatThrownBy(() -> RetentionPeriod.parse("bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bogus'")
                .hasMessageContaining("ISO-8601")
                .hasMessageContaining("P30D");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "30", "30d", ""})
    void parse_ofPeriodsDurationCannotRead_isRejected_namingTheText(String text) {
        assertThatThrownBy(() -> RetentionPeriod.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"P0D", "-P1D", "PT0.5S", "P36501D"})
    void parse_ofAnInvalidRetention_isRejected(String text) {
        assertThatThrownBy(() -> RetentionPeriod.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expiryFrom_aWholeSecond_staysOnThatSecond() {
        assertThat(RetentionPeriod.ofDays(30).expiryFrom(START).toInstant()).isEqualTo(START.plus(Duration.ofDays(30)));
    }

    @Test
    void expiryFrom_oneNanosecondPastASecond_roundsUpToTheNextSecond() {
        assertThat(RetentionPeriod.ofDays(30).expiryFrom(START.plusNanos(1)).toInstant())
                .isEqualTo(START.plus(Duration.ofDays(30)).plusSeconds(1));
    }

    @Test
    void expiryFrom_justBeforeASecond_roundsUpToThatSecond() {
        assertThat(RetentionPeriod.ofSeconds(1).expiryFrom(START.minusNanos(1)).toInstant())
                .isEqualTo(START.plusSeconds(1));
    }

    @Test
    void longerRetention_comparesGreater() {
        assertThat(RetentionPeriod.ofDays(31)).isGreaterThan(RetentionPeriod.parse("PT720H"));
    }

    @Test
    void toString_isIso8601_inDaysWhenWholeDays_andParsesBackToTheSamePeriod() {
        assertThat(RetentionPeriod.ofDays(30)).hasToString("P30D");
        assertThat(RetentionPeriod.ofHours(36)).hasToString("PT36H");
        assertThat(RetentionPeriod.ofSeconds(90)).hasToString("PT1M30S");
        for (RetentionPeriod period : new RetentionPeriod[] {RetentionPeriod.ofDays(30), RetentionPeriod.ofHours(36), RetentionPeriod.ofSeconds(90)}) {
            assertThat(RetentionPeriod.parse(period.toString())).isEqualTo(period);
        }
    }
}
