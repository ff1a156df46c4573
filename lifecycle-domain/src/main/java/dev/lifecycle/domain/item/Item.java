package dev.lifecycle.domain.item;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A DynamoDB item: top-level attributes by name, in the order they were given. */
public record Item(Map<String, AttributeValue> attributes) {

    public Item {
        if (attributes == null) {
            throw new IllegalArgumentException("item attributes must not be null");
        }
        if (attributes instanceof AttributeMap checked && !checked.hasEmptyName()) {
            // Immutable, and its names and values were checked as they were added: nothing to copy.
        } else {
            attributes = checkedCopy(attributes);
        }
    }

    private static Map<String, AttributeValue> checkedCopy(Map<String, AttributeValue> attributes) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        attributes.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("item attribute names must not be empty");
            }
            Text.requireWellFormed(name, "item attribute name");
            if (value == null) {
                throw new IllegalArgumentException("item attribute '" + name + "' has a null value");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    public static Item of(Map<String, AttributeValue> attributes) {
        return new Item(attributes);
    }

    public Optional<AttributeValue> get(String name) {
        return Optional.ofNullable(attributes.get(name));
    }

    public boolean has(String name) {
        return attributes.containsKey(name);
    }

    /** A copy with the attribute set (replaced if present, appended otherwise). */
    public Item with(String name, AttributeValue value) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new Item(copy);
    }

    /** A copy without the attribute; the same item when it is absent. */
    public Item without(String name) {
        if (!attributes.containsKey(name)) {
            return this;
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>(attributes);
        copy.remove(name);
        return new Item(copy);
    }
}
