package dev.lifecycle.domain.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.testing.RandomValues;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ExpiryPropertiesTest {

    private static final Instant EARLIEST_START = Instant.EPOCH;
    private static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");

    static Stream<Long> seeds() {
        return RandomValues.seeds(31, 200);
    }

    private static RetentionPeriod retention(RandomValues random) {
        long seconds = switch ((int) random.longBetween(0, 4)) {
            case 0 -> 1;
            case 1 -> RetentionPeriod.MAXIMUM.getSeconds();
            default -> random.longBetween(1, RetentionPeriod.MAXIMUM.getSeconds() + 1);
        };
        return RetentionPeriod.ofSeconds(seconds);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void expiry_isNeverEarly_andLessThanOneSecondLate(long seed) {
        RandomValues random = new RandomValues(seed);
        Instant start = random.instant(EARLIEST_START, LATEST_START);
        RetentionPeriod retention = retention(random);

        Instant expiry = retention.expiryFrom(start).toInstant();

        Instant earliest = start.plus(retention.duration());
        assertThat(expiry).as("seed %d: %s + %s", seed, start, retention).isAfterOrEqualTo(earliest);
        assertThat(expiry).as("seed %d: %s + %s", seed, start, retention).isBefore(earliest.plus(Duration.ofSeconds(1)));
        assertThat(expiry.getNano()).as("seed %d", seed).isZero();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stampedExpiry_readsBackAsExpiringAtThatSecond(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = random.item(random.itemKey());
        ExpiryTime expiry = retention(random).expiryFrom(random.instant(EARLIEST_START, LATEST_START));

        TtlReading reading = TtlReading.read(expiry.stamp(item, "expiresAt"), "expiresAt");

        assertThat(reading).as("seed %d", seed).isEqualTo(new TtlReading.Expiring(expiry.toInstant()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void stampedItem_isStrictlyExpiredFromItsSecond_andNotOneNanosecondBefore(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = new Item(random.itemKey().asAttributes());
        ExpiryTime expiry = ExpiryTime.notBefore(random.instant(EARLIEST_START, LATEST_START));
        StrictExpiry strict = StrictExpiry.onAttribute("expiresAt");

        Item stamped = expiry.stamp(item, "expiresAt");

        assertThat(strict.expired(stamped, expiry.toInstant())).as("seed %d", seed).isTrue();
        assertThat(strict.expired(stamped, expiry.toInstant().minusNanos(1))).as("seed %d", seed).isFalse();
    }
}
