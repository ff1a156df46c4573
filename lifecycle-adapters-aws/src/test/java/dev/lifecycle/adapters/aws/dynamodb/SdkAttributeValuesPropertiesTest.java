package dev.lifecycle.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.testing.RandomValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SdkAttributeValuesPropertiesTest {

    static Stream<Long> seeds() {
        return RandomValues.seeds(4242, 300);
    }

    private static Item randomItem(RandomValues random) {
        return random.item(random.itemKey()).with("deep", random.value(6));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void domainToSdkAndBack_givesTheSameItemInTheSameOrder(long seed) {
        Item item = randomItem(new RandomValues(seed));

        Item back = SdkAttributeValues.toItem(SdkAttributeValues.toSdkItem(item));

        assertThat(back).as("seed %d", seed).isEqualTo(item);
        assertThat(List.copyOf(back.attributes().keySet())).as("seed %d", seed).isEqualTo(List.copyOf(item.attributes().keySet()));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sdkToDomainAndBack_givesEqualSdkValuesWithTheSameTexts(long seed) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdkItem =
                SdkAttributeValues.toSdkItem(randomItem(new RandomValues(seed)));

        // SDK values compare numbers by text and sets as lists, so equality here means nothing changed
        assertThat(SdkAttributeValues.toSdkItem(SdkAttributeValues.toItem(sdkItem))).as("seed %d", seed).isEqualTo(sdkItem);
    }
}
