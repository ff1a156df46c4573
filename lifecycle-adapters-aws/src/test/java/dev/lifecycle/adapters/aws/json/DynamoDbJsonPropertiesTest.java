package dev.lifecycle.adapters.aws.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.testing.RandomValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DynamoDbJsonPropertiesTest {

    static Stream<Long> seeds() {
        return RandomValues.seeds(1207, 300);
    }

    private static Item randomItem(RandomValues random) {
        Item item = random.item(random.itemKey());
        return item.with("deep", random.value(6));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void parsingWhatWasWritten_givesTheSameItem(long seed) {
        Item item = randomItem(new RandomValues(seed));

        Item parsed = DynamoDbJson.parseItem(DynamoDbJson.write(item));

        assertThat(parsed).as("seed %d", seed).isEqualTo(item);
        assertThat(List.copyOf(parsed.attributes().keySet())).as("seed %d: attribute order", seed)
                .isEqualTo(List.copyOf(item.attributes().keySet()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void writingWhatWasParsed_givesTheSameBytes(long seed) {
        byte[] written = DynamoDbJson.write(randomItem(new RandomValues(seed)));

        byte[] rewritten = DynamoDbJson.write(DynamoDbJson.parseItem(written));

        assertThat(new String(rewritten, StandardCharsets.UTF_8)).as("seed %d", seed)
                .isEqualTo(new String(written, StandardCharsets.UTF_8));
        assertThat(rewritten).as("seed %d", seed).isEqualTo(written);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void itemsInAnotherOrderAndSpelling_stillParseToEqualItems(long seed) {
        RandomValues random = new RandomValues(seed);
        Item item = randomItem(random);
        Item respelled = random.respelled(random.shuffled(item));

        assertThat(DynamoDbJson.parseItem(DynamoDbJson.write(respelled))).as("seed %d", seed).isEqualTo(item);
    }
}
