package dev.lifecycle.adapters.aws.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.util.regex.Pattern;

/** Names where a streaming parser stands as a readable path, e.g. {@code Records[2].dynamodb.OldImage["a.b"].M.zip}. */
public final class JsonPaths {

    /** The path of the document itself. */
    public static final String ROOT = "$";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int LONGEST_NAME_SHOWN = 64;

    private JsonPaths() {
    }

    /** The path of the value the context is at: its current field name or array index, under its parents. */
    public static String of(JsonStreamContext context) {
        StringBuilder out = new StringBuilder();
        append(context, out);
        return out.length() == 0 ? ROOT : out.toString();
    }

    /**
     * The path of the value the parser's current token belongs to. On a {@code START_OBJECT} or
     * {@code START_ARRAY} the parser has already entered the new container, whose position is its
     * parent's.
     */
    public static String ofCurrentValue(JsonParser parser) {
        JsonStreamContext context = parser.getParsingContext();
        boolean entered = parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY;
        return of(entered ? context.getParent() : context);
    }

    private static void append(JsonStreamContext context, StringBuilder out) {
        if (context == null || context.inRoot()) {
            return;
        }
        append(context.getParent(), out);
        if (context.inArray()) {
            out.append('[').append(Math.max(context.getCurrentIndex(), 0)).append(']');
        } else if (context.getCurrentName() != null) {
            appendName(context.getCurrentName(), out);
        }
    }

    private static void appendName(String name, StringBuilder out) {
        if (PLAIN_NAME.matcher(name).matches() && name.length() <= LONGEST_NAME_SHOWN) {
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
            return;
        }
        String shown = name.length() <= LONGEST_NAME_SHOWN ? name : name.substring(0, LONGEST_NAME_SHOWN) + "...";
        out.append("[\"");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean pairedSurrogate = Character.isHighSurrogate(c) && i + 1 < shown.length()
                    && Character.isLowSurrogate(shown.charAt(i + 1))
                    || Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(shown.charAt(i - 1));
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !pairedSurrogate) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append("\"]");
    }
}
