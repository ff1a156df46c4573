package dev.lifecycle.domain.table;

import java.nio.charset.StandardCharsets;

/** The name of a key or TTL attribute: 1 to 255 bytes of UTF-8, as DynamoDB requires for both. */
public record AttributeName(String value) {

    public static final int MAX_BYTES = 255;

    public AttributeName {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("attribute name must not be empty");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("attribute name is " + bytes + " bytes long; at most " + MAX_BYTES + " are allowed");
        }
    }

    public static AttributeName of(String value) {
        return new AttributeName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
