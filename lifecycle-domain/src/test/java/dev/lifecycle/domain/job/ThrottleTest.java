package dev.lifecycle.domain.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T10:00:00Z"));
    private final Throttle throttle = Throttle.perSecond(10, clock, clock::sleep);

    @Test
    void firstPermit_isFree() throws InterruptedException {
        throttle.acquire(1);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void permits_areSpacedEvenlyAtTheRate() throws InterruptedException {
        for (int i = 0; i < 51; i++) {
            throttle.acquire(1);
        }
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T10:00:05Z"));
    }

    @Test
    void severalPermits_delayTheNextCaller() throws InterruptedException {
        throttle.acquire(25);
        throttle.acquire(1);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-11-22T10:00:02.500Z"));
    }

    @Test
    void idleTime_isNotSavedUpForABurst() throws InterruptedException {
        throttle.acquire(1);
        clock.advance(Duration.ofMinutes(1));
        Instant afterIdle = clock.instant();
        throttle.acquire(1);
        throttle.acquire(1);
        assertThat(clock.instant()).isEqualTo(afterIdle.plusMillis(100));
    }

    @Test
    void nonsenseRates_areRejectedWithTheValue() {
        assertThatThrownBy(() -> Throttle.perSecond(0, clock, clock::sleep)).hasMessageContaining("was 0.0");
        assertThatThrownBy(() -> Throttle.perSecond(Double.NaN, clock, clock::sleep)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> throttle.acquire(0)).hasMessageContaining("at least 1");
    }
}
