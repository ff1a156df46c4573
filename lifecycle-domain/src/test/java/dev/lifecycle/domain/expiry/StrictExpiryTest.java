package dev.lifecycle.domain.expiry;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StrictExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:30Z");
    private static final StrictExpiry STRICT = StrictExpiry.onAttribute("expiresAt");

    private static Item orderExpiringAt(Instant instant) {
        return TestRecords.order("customer#1", "order#1", instant.getEpochSecond());
    }

    @Test
    void itemWhoseTtlEqualsNow_isExpired() {
        assertThat(STRICT.expired(orderExpiringAt(NOW), NOW)).isTrue();
    }

    @Test
    void itemWhoseTtlIsOneSecondAway_isNotExpired() {
        assertThat(STRICT.expired(orderExpiringAt(NOW.plusSeconds(1)), NOW)).isFalse();
    }

    @Test
    void itemWhoseTtlPassedYearsAgo_isExpired_evenBeyondTheSweepHorizon() {
        assertThat(STRICT.expired(orderExpiringAt(NOW.minus(Duration.ofDays(3650))), NOW)).isTrue();
    }

    @Test
    void itemWithTtlInMilliseconds_isNeverExpired() {
        Item item = orderExpiringAt(NOW).with("expiresAt", n(NOW.minusSeconds(60).toEpochMilli()));

        assertThat(STRICT.expired(item, NOW.plus(Duration.ofDays(365)))).isFalse();
    }

    @Test
    void itemWithStringTtl_isNeverExpired() {
        Item item = orderExpiringAt(NOW).with("expiresAt", s(Long.toString(NOW.minusSeconds(60).getEpochSecond())));

        assertThat(STRICT.expired(item, NOW)).isFalse();
    }

    @Test
    void itemWithoutTtl_isNeverExpired() {
        assertThat(STRICT.expired(orderExpiringAt(NOW).without("expiresAt"), NOW)).isFalse();
    }

    @Test
    void live_keepsTheUnexpiredItemsInOrder() {
        Item past = orderExpiringAt(NOW.minusSeconds(1));
        Item future = orderExpiringAt(NOW.plusSeconds(1));
        Item atNow = orderExpiringAt(NOW);
        Item noTtl = future.without("expiresAt");

        assertThat(STRICT.live(List.of(future, past, noTtl, atNow), NOW)).containsExactly(future, noTtl);
    }

    @Test
    void live_ofNoItems_isEmpty() {
        assertThat(STRICT.live(List.of(), NOW)).isEmpty();
    }

    @Test
    void emptyAttributeName_isRejected() {
        assertThatThrownBy(() -> StrictExpiry.onAttribute("")).isInstanceOf(IllegalArgumentException.class);
    }
}
