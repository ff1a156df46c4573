package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemTest {

    private static Item item() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("pk", s("a"));
        attributes.put("total", n("1.5"));
        attributes.put("note", s("x"));
        return new Item(attributes);
    }

    @Test
    void emptyAttributeName_isRejected() {
        assertThatThrownBy(() -> new Item(Map.of("", s("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names must not be empty");
    }

    @Test
    void nullAttributeValue_isRejected_namingTheAttribute() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put("total", null);

        assertThatThrownBy(() -> new Item(attributes))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'total'");
    }

    @Test
    void emptyItem_isAllowed() {
        assertThat(new Item(Map.of()).attributes()).isEmpty();
    }

    @Test
    void changingTheSourceMapAfterConstruction_doesNotChangeTheItem() {
        Map<String, AttributeValue> source = new LinkedHashMap<>();
        source.put("pk", s("a"));
        Item item = new Item(source);

        source.put("pk", s("b"));

        assertThat(item.get("pk")).contains(s("a"));
    }

    @Test
    void attributes_areUnmodifiable() {
        assertThatThrownBy(() -> item().attributes().put("x", s("y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void with_replacesAnAttributeInPlace() {
        Item changed = item().with("total", n("2"));

        assertThat(changed.attributes().keySet()).containsExactly("pk", "total", "note");
        assertThat(changed.get("total")).contains(n("2"));
    }

    @Test
    void with_appendsANewAttribute() {
        assertThat(item().with("extra", s("e")).attributes().keySet()).containsExactly("pk", "total", "note", "extra");
    }

    @Test
    void with_leavesTheOriginalUnchanged() {
        Item original = item();

        original.with("total", n("2"));

        assertThat(original.get("total")).contains(n("1.5"));
    }

    @Test
    void with_anEmptyName_isRejected() {
        assertThatThrownBy(() -> item().with("", s("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_aNullValue_isRejected() {
        assertThatThrownBy(() -> item().with("x", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_removesTheAttribute_andKeepsTheOrderOfTheRest() {
        Item changed = item().without("total");

        assertThat(changed.attributes().keySet()).containsExactly("pk", "note");
        assertThat(changed.has("total")).isFalse();
    }

    @Test
    void without_anAbsentAttribute_returnsTheSameItem() {
        Item original = item();

        assertThat(original.without("absent")).isSameAs(original);
    }

    @Test
    void equality_ignoresAttributeOrder_andNumberSpelling() {
        Map<String, AttributeValue> reordered = new LinkedHashMap<>();
        reordered.put("note", s("x"));
        reordered.put("total", n("1.50"));
        reordered.put("pk", s("a"));

        assertThat(new Item(reordered)).isEqualTo(item());
        assertThat(new Item(reordered).hashCode()).isEqualTo(item().hashCode());
    }

    @Test
    void get_ofAnAbsentAttribute_isEmpty() {
        assertThat(item().get("absent")).isEmpty();
        assertThat(item().has("absent")).isFalse();
    }
}
