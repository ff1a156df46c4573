package dev.lifecycle.domain.bucket;

import java.nio.charset.StandardCharsets;

/**
 * An S3 key prefix under which the platform writes, without leading or trailing slash; empty means
 * the bucket's root. At most 256 bytes, so that the archive keys under it stay within S3's 1,024.
 */
public record KeyPrefix(String value) {

    public static final int MAX_BYTES = 256;

    public KeyPrefix {
        if (value == null) {
            throw new IllegalArgumentException("prefix must not be null (use \"\" for the bucket root)");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("prefix is " + bytes + " bytes long; at most " + MAX_BYTES + " are allowed");
        }
        if (value.startsWith("/") || value.endsWith("/")) {
            throw new IllegalArgumentException("prefix '" + value + "' must not start or end with '/'");
        }
        if (!value.isEmpty()) {
            for (String segment : value.split("/", -1)) {
                if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                    throw new IllegalArgumentException("prefix '" + value + "' has an empty, '.' or '..' segment");
                }
            }
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("prefix must not contain control characters");
        }
    }

    public static KeyPrefix of(String value) {
        return new KeyPrefix(value);
    }

    public static KeyPrefix root() {
        return new KeyPrefix("");
    }

    /** The prefix followed by '/', or nothing for the root: ready to have a key appended. */
    public String asDirectory() {
        return value.isEmpty() ? "" : value + "/";
    }

    @Override
    public String toString() {
        return value;
    }
}
