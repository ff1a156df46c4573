package dev.lifecycle.domain.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.testing.RandomValues;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyTokenPropertiesTest {

    private static final String SAFE = "[A-Za-z0-9._~%-]+";

    static Stream<Long> seeds() {
        return RandomValues.seeds(41, 400);
    }

    static Stream<Long> bigSampleSeeds() {
        return RandomValues.seeds(42, 3);
    }

    private static KeySchema schemaOf(ItemKey key) {
        return key.sortKey().isPresent()
                ? KeySchema.composite(key.partitionKey().name(), key.sortKey().get().name())
                : KeySchema.partitionKey(key.partitionKey().name());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void decodeOfEncode_isTheKey_unlessShortened(long seed) {
        ItemKey key = new RandomValues(seed).itemKey();

        String token = KeyToken.encode(key);

        if (!token.startsWith("H-")) {
            assertThat(KeyToken.decode(token, schemaOf(key))).as("seed %d: %s", seed, token).contains(key);
        } else {
            assertThat(KeyToken.decode(token, schemaOf(key))).as("seed %d: %s", seed, token).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void token_usesOnlySafeCharacters_andIsNeverADotSegment(long seed) {
        String token = KeyToken.encode(new RandomValues(seed).itemKey());

        assertThat(token).as("seed %d", seed).matches(SAFE).isNotIn(".", "..");
        assertThat(token.length()).as("seed %d: %s", seed, token).isLessThanOrEqualTo(KeyToken.MAX_READABLE_LENGTH);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("bigSampleSeeds")
    void encode_isInjective_over2000RandomKeys(long seed) {
        RandomValues random = new RandomValues(seed);
        Map<String, ItemKey> keysByToken = new HashMap<>();
        int shortened = 0;

        for (int i = 0; i < 2000; i++) {
            ItemKey key = random.itemKey();
            String token = KeyToken.encode(key);
            shortened += token.startsWith("H-") ? 1 : 0;
            ItemKey earlier = keysByToken.putIfAbsent(token, key);
            if (earlier != null) {
                assertThat(key).as("seed %d, key %d shares token %s", seed, i, token).isEqualTo(earlier);
            }
        }

        assertThat(keysByToken.size()).as("seed %d: distinct tokens", seed).isGreaterThan(1900);
        assertThat(shortened).as("seed %d: shortened tokens", seed).isPositive();
    }
}
