package dev.lifecycle.adapters.aws;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small builders for items and maps in a fixed order, for readable tests. */
public final class TestItems {

    private TestItems() {
    }

    /** An item from name, value, name, value, ... in that order. */
    public static Item item(Object... namesAndValues) {
        return new Item(attributes(namesAndValues));
    }

    /** A map value from name, value, name, value, ... in that order. */
    public static AttributeValue.M map(Object... namesAndValues) {
        return new AttributeValue.M(attributes(namesAndValues));
    }

    public static Map<String, AttributeValue> attributes(Object... namesAndValues) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.put((String) namesAndValues[i], (AttributeValue) namesAndValues[i + 1]);
        }
        return attributes;
    }

    /** A value nested {@code levels} maps deep: level 1 is the value itself. */
    public static AttributeValue nested(int levels, AttributeValue innermost) {
        AttributeValue value = innermost;
        for (int i = 1; i < levels; i++) {
            value = i % 2 == 0 ? AttributeValue.L.of(value) : map("m", value);
        }
        return value;
    }
}
