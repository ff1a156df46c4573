package dev.lifecycle.domain.item;

import java.util.Optional;

/** The names of a table's key attributes: a partition key and an optional sort key. */
public record KeySchema(String partitionKeyName, Optional<String> sortKeyName) {

    public KeySchema {
        if (partitionKeyName == null || partitionKeyName.isEmpty()) {
            throw new IllegalArgumentException("key schema needs a partition key name");
        }
        if (sortKeyName == null) {
            throw new IllegalArgumentException("sortKeyName must be Optional.empty(), not null");
        }
        if (sortKeyName.isPresent() && (sortKeyName.get().isEmpty() || sortKeyName.get().equals(partitionKeyName))) {
            throw new IllegalArgumentException("sort key name must be non-empty and differ from the partition key name");
        }
    }

    public static KeySchema partitionKey(String name) {
        return new KeySchema(name, Optional.empty());
    }

    public static KeySchema composite(String partitionKeyName, String sortKeyName) {
        return new KeySchema(partitionKeyName, Optional.of(sortKeyName));
    }

    /** Extracts the key of an item, naming the attribute that is missing or of a type keys cannot have. */
    public ItemKey keyOf(Item item) {
        KeyAttribute partition = keyAttribute(item, partitionKeyName);
        Optional<KeyAttribute> sort = sortKeyName.map(name -> keyAttribute(item, name));
        return new ItemKey(partition, sort);
    }

    private static KeyAttribute keyAttribute(Item item, String name) {
        AttributeValue value = item.get(name).orElseThrow(
                () -> new IllegalArgumentException("key attribute '" + name + "' is missing"));
        if (!(value instanceof KeyValue keyValue)) {
            throw new IllegalArgumentException("key attribute '" + name + "' is of type " + value.type()
                    + "; keys are S, N or B");
        }
        return new KeyAttribute(name, keyValue);
    }
}
