package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionValuesTest {

    @Test
    void changingTheSourceMapAfterConstruction_doesNotChangeTheMap() {
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put("a", s("1"));
        AttributeValue.M map = new AttributeValue.M(source);

        source.put("a", s("changed"));
        source.put("b", s("2"));

        assertThat(map.values()).containsExactly(Map.entry("a", s("1")));
    }

    @Test
    void mapValues_areUnmodifiable() {
        AttributeValue.M map = new AttributeValue.M(Map.of("a", s("1")));

        assertThatThrownBy(() -> map.values().put("b", s("2"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.values().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapKeepsTheOrderItWasGiven() {
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put("z", s("1"));
        source.put("a", s("2"));
        source.put("m", s("3"));

        assertThat(new AttributeValue.M(source).values().keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void mapEquality_ignoresOrder_andNumberSpelling() {
        Map<String, AttributeValue> first = new LinkedHashMap<>();
        first.put("a", n("1.50"));
        first.put("b", s("x"));
        Map<String, AttributeValue> second = new LinkedHashMap<>();
        second.put("b", s("x"));
        second.put("a", n("1.5"));

        assertThat(new AttributeValue.M(first)).isEqualTo(new AttributeValue.M(second));
        assertThat(new AttributeValue.M(first).hashCode()).isEqualTo(new AttributeValue.M(second).hashCode());
    }

    @Test
    void emptyMap_isAllowed() {
        assertThat(new AttributeValue.M(Map.of()).values()).isEmpty();
    }

    @Test
    void mapWithNullValue_isRejected_namingTheAttribute() {
        Map<String, AttributeValue> source = new HashMap<>();
        source.put("color", null);

        assertThatThrownBy(() -> new AttributeValue.M(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'color'");
    }

    @Test
    void mapWithNullName_isRejected() {
        Map<String, AttributeValue> source = new HashMap<>();
        source.put(null, s("x"));

        assertThatThrownBy(() -> new AttributeValue.M(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null attribute name");
    }

    @Test
    void changingTheSourceListAfterConstruction_doesNotChangeTheList() {
        List<AttributeValue> source = new ArrayList<>(List.of(s("a"), s("b")));
        AttributeValue.L list = new AttributeValue.L(source);

        source.set(0, s("changed"));
        source.add(s("c"));

        assertThat(list.values()).containsExactly(s("a"), s("b"));
    }

    @Test
    void listOf_copiesItsSource() {
        List<AttributeValue> source = new ArrayList<>(List.of(s("a")));
        AttributeValue.L list = AttributeValue.listOf(source);

        source.add(s("b"));

        assertThat(list.values()).containsExactly(s("a"));
    }

    @Test
    void listValues_areUnmodifiable() {
        AttributeValue.L list = AttributeValue.L.of(s("a"));

        assertThatThrownBy(() -> list.values().add(s("b"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> list.values().set(0, s("b"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void listWithNullElement_isRejected_namingItsIndex() {
        List<AttributeValue> source = Arrays.asList(s("a"), null);

        assertThatThrownBy(() -> new AttributeValue.L(source))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("L element 1");
    }

    @Test
    void emptyList_isAllowed() {
        assertThat(AttributeValue.L.of().values()).isEmpty();
    }

    @Test
    void listEquality_respectsOrder() {
        assertThat(AttributeValue.L.of(s("a"), s("b"))).isNotEqualTo(AttributeValue.L.of(s("b"), s("a")));
    }

    @Test
    void listMayMixTypes_andRepeatValues() {
        AttributeValue.L list = AttributeValue.L.of(s("a"), n("1"), n("1.0"), AttributeValue.nul());

        assertThat(list.values()).hasSize(4);
    }

    @Test
    void nestedMapInsideAList_isImmutableToo() {
        Map<String, AttributeValue> inner = new LinkedHashMap<>();
        inner.put("a", s("1"));
        AttributeValue.L list = AttributeValue.L.of(new AttributeValue.M(inner));

        inner.put("b", s("2"));

        assertThat(((AttributeValue.M) list.values().get(0)).values()).containsOnlyKeys("a");
    }
}
