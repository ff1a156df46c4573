package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.testing.RandomValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonPropertiesTest {

    static Stream<Long> seeds() {
        return RandomValues.seeds(21, 200);
    }

    private static Item randomItem(RandomValues random) {
        return random.item(random.itemKey());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shuffledItem_equalsTheItem_andHasIdenticalJson(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = randomItem(random);

        Item shuffled = random.shuffled(item);

        assertThat(shuffled).as("seed %d", seed).isEqualTo(item);
        assertThat(CanonicalJson.of(shuffled)).as("seed %d", seed).isEqualTo(CanonicalJson.of(item));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void itemsBuiltAlike_haveEqualJson(long seed) {
        Item first = randomItem(new RandomValues(seed));
        Item second = randomItem(new RandomValues(seed));

        assertThat(second).as("seed %d", seed).isEqualTo(first);
        assertThat(CanonicalJson.of(second)).as("seed %d", seed).isEqualTo(CanonicalJson.of(first));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void itemWithNumbersSpelledAnotherWay_isEqual_andHasIdenticalJson(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = randomItem(random);

        Item respelled = random.shuffled(random.respelled(item));

        assertThat(respelled).as("seed %d", seed).isEqualTo(item);
        assertThat(CanonicalJson.of(respelled)).as("seed %d", seed).isEqualTo(CanonicalJson.of(item));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void itemsDifferingInOneValue_haveDifferentJson(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = randomItem(random);

        Item changed = random.withOneValueChanged(item);

        assertThat(changed).as("seed %d", seed).isNotEqualTo(item);
        assertThat(CanonicalJson.of(changed)).as("seed %d", seed).isNotEqualTo(CanonicalJson.of(item));
    }

    @Test
    void mapsNested32LevelsDeep_areWritten() {
        AttributeValue value = s("bottom");
        for (int level = 0; level < 32; level++) {
            value = level % 2 == 0 ? new AttributeValue.M(Map.of("d", value)) : AttributeValue.L.of(value);
        }

        String json = CanonicalJson.of(new Item(Map.of("root", value)));

        assertThat(json).startsWith("{\"root\":{\"L\":[{\"M\":{\"d\":{\"L\":[");
        assertThat(json).contains("{\"S\":\"bottom\"}");
        assertThat(json.chars().filter(c -> c == '{').count()).isEqualTo(json.chars().filter(c -> c == '}').count());
    }

    @Test
    void mapOnlyNesting32LevelsDeep_isWritten() {
        AttributeValue value = AttributeValue.nul();
        for (int level = 0; level < 32; level++) {
            value = new AttributeValue.M(Map.of("m" + level, value));
        }

        String json = CanonicalJson.of(value);

        assertThat(json).startsWith("{\"M\":{\"m31\":{\"M\":{\"m30\":");
        assertThat(json).endsWith("{\"NULL\":true}" + "}}".repeat(32));
    }

    @Test
    void itemOf400Kilobytes_isWritten() {
        RandomValues random = new RandomValues(400);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        int size = 0;
        for (int i = 0; size < 400_000; i++) {
            String text = random.string(1000);
            attributes.put("attribute-" + i, s(text));
            size += text.length() + 12;
        }
        List<AttributeValue> longList = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            longList.add(random.number());
        }
        attributes.put("list", AttributeValue.listOf(longList));

        String json = CanonicalJson.of(new Item(attributes));

        assertThat(json.length()).isGreaterThan(400_000);
        assertThat(json).startsWith("{\"attribute-0\":").endsWith("]}}");
    }

    @Test
    void singleStringOf400Kilobytes_isWritten() {
        String text = "\"\\\n日".repeat(100_000);

        String json = CanonicalJson.of(s(text));

        assertThat(json).hasSize("{\"S\":\"".length() + 100_000 * ("\\\"\\\\\\n日".length()) + "\"}".length());
    }
}
