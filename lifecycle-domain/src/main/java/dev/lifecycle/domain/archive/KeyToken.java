package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyAttribute;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.item.KeyValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One path segment that names an item key inside an object key, safe for any key value.
 *
 * <p>Each key part is its type letter, {@code -}, then its value percent-encoded: bytes outside
 * {@code A-Z a-z 0-9 - _ .} become {@code %XX} (UTF-8 for S, the canonical decimal text for N,
 * the raw bytes for B). Parts are joined by {@code ~}, which encoding never produces, so the
 * token is injective and can be decoded. A token longer than {@value #MAX_READABLE_LENGTH}
 * characters is shortened to {@code H-<readable start>~<SHA-256 of the full token>}: still
 * deterministic and, but for SHA-256 collisions, unique; the full key is in the object itself.
 */
public final class KeyToken {

    public static final int MAX_READABLE_LENGTH = 200;
    private static final int HASHED_READABLE_PART = 100;

    private KeyToken() {
    }

    public static String encode(ItemKey key) {
        StringBuilder token = new StringBuilder();
        appendPart(key.partitionKey().value(), token);
        key.sortKey().ifPresent(sort -> appendPart(sort.value(), token.append('~')));
        if (token.length() <= MAX_READABLE_LENGTH) {
            return token.toString();
        }
        String full = token.toString();
        int cut = HASHED_READABLE_PART;
        // never cut inside a %XX escape
        if (full.charAt(cut - 1) == '%') {
            cut -= 1;
        } else if (full.charAt(cut - 2) == '%') {
            cut -= 2;
        }
        return "H-" + full.substring(0, cut) + "~" + sha256Hex(full);
    }

    /**
     * The starts of the key tokens of every item whose partition key starts with {@code prefix}
     * (see {@link ItemKey#partitionKeyStartsWith}), whatever the key's type: a token starts with
     * one of them. Shortened tokens are matched by their readable start, so the set may include
     * more items than the prefix; it never misses one.
     */
    public static java.util.List<String> partitionPrefixStarts(String prefix) {
        byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
        java.util.List<String> starts = new java.util.ArrayList<>();
        for (String type : java.util.List.of("S-", "N-", "B-")) {
            String start = type + percentEncode(bytes);
            starts.add(start);
            starts.add("H-" + start.substring(0, Math.min(start.length(), HASHED_READABLE_PART - 2)));
        }
        return starts;
    }

    /** The key a token names, with attribute names from the schema; empty for a shortened token. */
    public static Optional<ItemKey> decode(String token, KeySchema schema) {
        if (token.startsWith("H-")) {
            return Optional.empty();
        }
        String[] parts = token.split("~", -1);
        if (parts.length != (schema.sortKeyName().isPresent() ? 2 : 1)) {
            throw new IllegalArgumentException("token '" + token + "' does not fit key schema " + schema);
        }
        KeyAttribute partition = new KeyAttribute(schema.partitionKeyName(), decodePart(parts[0]));
        Optional<KeyAttribute> sort = schema.sortKeyName().map(name -> new KeyAttribute(name, decodePart(parts[1])));
        return Optional.of(new ItemKey(partition, sort));
    }

    private static void appendPart(KeyValue value, StringBuilder token) {
        if (value instanceof AttributeValue.S s) {
            token.append("S-").append(percentEncode(s.value().getBytes(StandardCharsets.UTF_8)));
        } else if (value instanceof AttributeValue.N n) {
            token.append("N-").append(percentEncode(n.canonical().getBytes(StandardCharsets.US_ASCII)));
        } else {
            token.append("B-").append(percentEncode(((AttributeValue.B) value).value().toArray()));
        }
    }

    private static KeyValue decodePart(String part) {
        if (part.length() < 2 || part.charAt(1) != '-') {
            throw new IllegalArgumentException("key token part '" + part + "' has no type prefix");
        }
        byte[] bytes = percentDecode(part.substring(2));
        return switch (part.charAt(0)) {
            case 'S' -> AttributeValue.s(new String(bytes, StandardCharsets.UTF_8));
            case 'N' -> AttributeValue.n(new String(bytes, StandardCharsets.US_ASCII));
            case 'B' -> new AttributeValue.B(Bytes.of(bytes));
            default -> throw new IllegalArgumentException("key token part '" + part + "' has an unknown type");
        };
    }

    static String percentEncode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] percentDecode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated escape in key token '" + text + "'");
                }
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }

    /** The SHA-256 of the text's UTF-8 bytes (as {@link String#getBytes} encodes them), without a copy of the whole text. */
    static String sha256Hex(CharSequence text) {
        return HexFormat.of().formatHex(Utf8Sha256.PER_THREAD.get().digest(text));
    }

    /** A digest, an encoder and a buffer, reused by one thread. */
    private static final class Utf8Sha256 {
        static final ThreadLocal<Utf8Sha256> PER_THREAD = ThreadLocal.withInitial(Utf8Sha256::new);

        private final MessageDigest digest = sha256();
        private final java.nio.charset.CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        private final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(4096);

        byte[] digest(CharSequence text) {
            digest.reset();
            utf8.reset();
            java.nio.CharBuffer chars = java.nio.CharBuffer.wrap(text);
            java.nio.charset.CoderResult result;
            do {
                bytes.clear();
                result = utf8.encode(chars, bytes, true);
                bytes.flip();
                digest.update(bytes);
            } while (result.isOverflow());
            bytes.clear();
            utf8.flush(bytes);
            bytes.flip();
            digest.update(bytes);
            return digest.digest();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
