package dev.lifecycle.domain.item;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Writes values as DynamoDB JSON in one canonical form, so that equal values always give the same
 * text (and the same checksum): map keys and set members sorted, numbers in their canonical text,
 * binaries in standard base64, no insignificant white space.
 */
public final class CanonicalJson {

    /** Code point order, which is also the byte order of the UTF-8 encoding. */
    public static final Comparator<String> CODE_POINT_ORDER = CanonicalJson::compareCodePoints;

    private CanonicalJson() {
    }

    public static String of(Item item) {
        StringBuilder out = new StringBuilder();
        writeAttributes(item.attributes(), out);
        return out.toString();
    }

    public static String of(AttributeValue value) {
        StringBuilder out = new StringBuilder();
        writeValue(value, out);
        return out.toString();
    }

    public static void writeAttributes(Map<String, AttributeValue> attributes, StringBuilder out) {
        List<String> names = new ArrayList<>(attributes.keySet());
        names.sort(CODE_POINT_ORDER);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            writeValue(attributes.get(names.get(i)), out);
        }
        out.append('}');
    }

    public static void writeValue(AttributeValue value, StringBuilder out) {
        out.append("{\"").append(value.type().name()).append("\":");
        switch (value.type()) {
            case S -> writeString(((AttributeValue.S) value).value(), out);
            case N -> writeString(((AttributeValue.N) value).canonical(), out);
            case B -> writeString(((AttributeValue.B) value).value().toBase64(), out);
            case SS -> writeStrings(((AttributeValue.SS) value).values().stream()
                    .sorted(CODE_POINT_ORDER).toList(), out);
            case NS -> writeStrings(((AttributeValue.NS) value).values().stream()
                    .sorted(Comparator.comparing(AttributeValue.N::toBigDecimal))
                    .map(AttributeValue.N::canonical).toList(), out);
            case BS -> writeStrings(((AttributeValue.BS) value).values().stream().sorted()
                    .map(Bytes::toBase64).toList(), out);
            case M -> writeAttributes(((AttributeValue.M) value).values(), out);
            case L -> {
                List<AttributeValue> elements = ((AttributeValue.L) value).values();
                out.append('[');
                for (int i = 0; i < elements.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    writeValue(elements.get(i), out);
                }
                out.append(']');
            }
            case NULL -> out.append("true");
            case BOOL -> out.append(((AttributeValue.Bool) value).value());
            default -> throw new IllegalStateException("unknown type " + value.type());
        }
        out.append('}');
    }

    private static void writeStrings(List<String> values, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(values.get(i), out);
        }
        out.append(']');
    }

    /** A JSON string: quotes, backslashes and control characters escaped, everything else literal. */
    public static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * Code point order without decoding code points: UTF-16 order differs from it only where a
     * surrogate (D800-DFFF) meets a character of E000-FFFF, which this shifts into place.
     */
    private static int compareCodePoints(String a, String b) {
        int length = Math.min(a.length(), b.length());
        for (int i = 0; i < length; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                if (ca >= 0xD800 && cb >= 0xD800) {
                    return Integer.compare(shiftSurrogates(ca), shiftSurrogates(cb));
                }
                return Integer.compare(ca, cb);
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    private static int shiftSurrogates(char c) {
        return c >= 0xE000 ? c - 0x800 : c + 0x2000;
    }
}
