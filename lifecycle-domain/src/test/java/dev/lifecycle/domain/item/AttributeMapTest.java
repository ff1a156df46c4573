package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeMapTest {

    private static AttributeMap of(String... namesAndTexts) {
        AttributeMap.Builder builder = new AttributeMap.Builder("attribute name");
        for (int i = 0; i < namesAndTexts.length; i += 2) {
            builder.add(namesAndTexts[i], s(namesAndTexts[i + 1]));
        }
        return builder.build();
    }

    @Test
    void anItemOrMapMadeOfIt_takesItAsItIs_andItEqualsAnyMapWithTheSameEntries() {
        AttributeMap attributes = of("pk", "a", "total", "1");

        assertThat(new Item(attributes).attributes()).isSameAs(attributes);
        assertThat(new AttributeValue.M(attributes).values()).isSameAs(attributes);
        Map<String, AttributeValue> plain = new LinkedHashMap<>();
        plain.put("pk", s("a"));
        plain.put("total", s("1"));
        assertThat(attributes).isEqualTo(plain).hasSameHashCodeAs(plain);
        assertThat(new Item(attributes)).isEqualTo(new Item(plain));
        assertThat(attributes.keySet()).containsExactly("pk", "total");
    }

    @Test
    void itCannotBeChanged_andItsBuilderBuildsOnce() {
        AttributeMap.Builder builder = new AttributeMap.Builder("attribute name");
        builder.add("pk", s("a"));
        AttributeMap attributes = builder.build();

        assertThatThrownBy(() -> attributes.put("x", s("y"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> attributes.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> builder.add("later", s("z"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theBuilder_refusesWhatAnItemWouldRefuse_andReportsADuplicateName() {
        AttributeMap.Builder builder = new AttributeMap.Builder("attribute name");

        assertThat(builder.add("pk", s("a"))).isTrue();
        assertThat(builder.add("pk", s("b"))).isFalse();
        assertThatThrownBy(() -> builder.add("bad\uD800", s("a"))).hasMessageContaining("unpaired surrogate");
        assertThatThrownBy(() -> builder.add(null, s("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add("v", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.build()).containsExactlyEntriesOf(Map.of("pk", s("a")));
    }

    @Test
    void anEmptyName_isFineInAMap_butAnItemStillRefusesIt() {
        AttributeMap withEmptyName = of("", "x", "pk", "a");

        assertThat(new AttributeValue.M(withEmptyName).values()).containsKey("");
        assertThatThrownBy(() -> new Item(withEmptyName)).hasMessageContaining("must not be empty");
    }
}
