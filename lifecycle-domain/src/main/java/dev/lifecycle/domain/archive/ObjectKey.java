package dev.lifecycle.domain.archive;

import java.nio.charset.StandardCharsets;

/** An S3 object key: 1 to 1,024 bytes of UTF-8. */
public record ObjectKey(String value) {

    public static final int MAX_BYTES = 1024;

    public ObjectKey {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("object key must not be empty");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("object key is " + bytes + " bytes; S3 allows " + MAX_BYTES);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
