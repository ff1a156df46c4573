package dev.lifecycle.domain.item;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The primary key of an item: a partition key and, for composite keys, a sort key. */
public record ItemKey(KeyAttribute partitionKey, Optional<KeyAttribute> sortKey) {

    public ItemKey {
        if (partitionKey == null) {
            throw new IllegalArgumentException("item key needs a partition key");
        }
        if (sortKey == null) {
            throw new IllegalArgumentException("sortKey must be Optional.empty(), not null");
        }
        if (sortKey.isPresent() && sortKey.get().name().equals(partitionKey.name())) {
            throw new IllegalArgumentException("partition and sort key cannot share the name '" + partitionKey.name() + "'");
        }
    }

    public static ItemKey of(String partitionName, KeyValue partitionValue) {
        return new ItemKey(new KeyAttribute(partitionName, partitionValue), Optional.empty());
    }

    public static ItemKey of(String partitionName, KeyValue partitionValue, String sortName, KeyValue sortValue) {
        return new ItemKey(new KeyAttribute(partitionName, partitionValue),
                Optional.of(new KeyAttribute(sortName, sortValue)));
    }

    /**
     * Reads a key from the attribute map a stream record carries in {@code Keys}: one attribute for a
     * simple key, two for a composite one, with the sort key named by the caller's key schema.
     */
    public static ItemKey fromAttributes(Map<String, AttributeValue> keys, KeySchema schema) {
        return schema.keyOf(new Item(keys));
    }

    public Map<String, AttributeValue> asAttributes() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put(partitionKey.name(), partitionKey.value());
        sortKey.ifPresent(sort -> attributes.put(sort.name(), sort.value()));
        return attributes;
    }

    /**
     * Prefix match on the partition key: S values by string prefix, N values by their canonical
     * decimal text, B values by the prefix's UTF-8 bytes.
     */
    public boolean partitionKeyStartsWith(String prefix) {
        KeyValue value = partitionKey.value();
        if (value instanceof AttributeValue.S s) {
            return s.value().startsWith(prefix);
        }
        if (value instanceof AttributeValue.N n) {
            return n.canonical().startsWith(prefix);
        }
        return ((AttributeValue.B) value).value().startsWith(Bytes.of(prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** True when the item carries exactly these key values. */
    public boolean identifies(Item item) {
        return asAttributes().entrySet().stream()
                .allMatch(e -> item.get(e.getKey()).map(e.getValue()::equals).orElse(false));
    }
}
