package dev.lifecycle.domain.item;

/** One primary-key attribute: its name and its String, Number or Binary value. */
public record KeyAttribute(String name, KeyValue value) {

    public KeyAttribute {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("key attribute name must not be empty");
        }
        if (value == null) {
            throw new IllegalArgumentException("key attribute '" + name + "' has no value");
        }
        boolean empty = value instanceof AttributeValue.S s && s.value().isEmpty()
                || value instanceof AttributeValue.B b && b.value().isEmpty();
        if (empty) {
            throw new IllegalArgumentException("key attribute '" + name + "' must not be empty (DynamoDB rejects empty key values)");
        }
    }
}
