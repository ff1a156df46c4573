package dev.lifecycle.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringTest {

    private static final Instant TTL = Instant.parse("2026-11-22T10:15:30Z");
    private static final TtlReading.Expiring EXPIRING = new TtlReading.Expiring(TTL);

    @Test
    void ttlEqualToNow_isExpired() {
        assertThat(EXPIRING.expiredAt(TTL)).isTrue();
    }

    @Test
    void oneNanosecondBeforeTheTtl_isNotExpired() {
        assertThat(EXPIRING.expiredAt(TTL.minusNanos(1))).isFalse();
    }

    @Test
    void afterTheTtl_isExpired() {
        assertThat(EXPIRING.expiredAt(TTL.plusNanos(1))).isTrue();
    }

    @Test
    void ttlExactlyFiveYearsOld_isWithinTheSweepHorizon() {
        Instant now = TTL.plus(Duration.ofDays(5 * 365));

        assertThat(EXPIRING.beyondSweepHorizon(now)).isFalse();
    }

    @Test
    void ttlMoreThanFiveYearsOld_isBeyondTheSweepHorizon() {
        Instant now = TTL.plus(Duration.ofDays(5 * 365)).plusNanos(1);

        assertThat(EXPIRING.beyondSweepHorizon(now)).isTrue();
    }

    @Test
    void recentOrFutureTtl_isWithinTheSweepHorizon() {
        assertThat(EXPIRING.beyondSweepHorizon(TTL.plus(Duration.ofDays(1)))).isFalse();
        assertThat(EXPIRING.beyondSweepHorizon(TTL.minus(Duration.ofDays(10_000)))).isFalse();
    }

    @Test
    void sweepHorizon_isFiveYearsOf365Days() {
        assertThat(TtlReading.SWEEP_HORIZON).isEqualTo(Duration.ofDays(1825));
    }

    @Test
    void nullInstant_isRejected() {
        assertThatThrownBy(() -> new TtlReading.Expiring(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
