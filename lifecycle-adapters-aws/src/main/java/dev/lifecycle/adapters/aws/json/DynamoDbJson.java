package dev.lifecycle.adapters.aws.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.domain.item.AttributeMap;
import dev.lifecycle.domain.item.AttributeType;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.Text;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

// Faithful: numbers keep their text (never a double), maps and sets their order, so an archive
// reproduces the stream and `put-item --item file://` takes it back. Not the canonical form the
// checksum uses (CanonicalJson).
/** Writes DynamoDB JSON faithfully and reads it strictly, with Jackson's streaming API. */
public final class DynamoDbJson {

    /**
     * The deepest value read, counting a top-level attribute's value as level 1 and each M or L
     * around a value as one more. DynamoDB itself stops at 32 levels of nesting; twice that leaves
     * room for any count of "levels" while still bounding the recursion.
     */
    public static final int MAX_DEPTH = 64;

    private static final String DESCRIPTORS = "S, N, B, SS, NS, BS, M, L, NULL, BOOL";

    private DynamoDbJson() {
    }

    // ---------------------------------------------------------------- writing

    /** The item as UTF-8 DynamoDB JSON, with no insignificant white space. */
    public static byte[] write(Item item) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JsonFactories.shared().createGenerator(out, JsonEncoding.UTF8)) {
            writeItem(json, item);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toByteArray();
    }

    /** The item as a DynamoDB JSON string. */
    public static String writeAsString(Item item) {
        return new String(write(item), StandardCharsets.UTF_8);
    }

    /** One value as a DynamoDB JSON string, e.g. {@code {"N":"1.50"}}. */
    public static String writeAsString(AttributeValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        try (JsonGenerator json = JsonFactories.shared().createGenerator(out, JsonEncoding.UTF8)) {
            writeValue(json, value);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Writes the item's attributes as one JSON object, in the item's order. */
    public static void writeItem(JsonGenerator json, Item item) throws IOException {
        writeAttributes(json, item.attributes());
    }

    /** Writes attributes as one JSON object, in map order. */
    public static void writeAttributes(JsonGenerator json, Map<String, AttributeValue> attributes) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
            json.writeFieldName(attribute.getKey());
            writeValue(json, attribute.getValue());
        }
        json.writeEndObject();
    }

    /** Writes one value as its typed object, e.g. {@code {"SS":["a","b"]}}. */
    public static void writeValue(JsonGenerator json, AttributeValue value) throws IOException {
        json.writeStartObject();
        json.writeFieldName(value.type().name());
        switch (value.type()) {
            case S -> json.writeString(((AttributeValue.S) value).value());
            case N -> json.writeString(((AttributeValue.N) value).value());
            case B -> json.writeString(((AttributeValue.B) value).value().toBase64());
            case SS -> {
                json.writeStartArray();
                for (String member : ((AttributeValue.SS) value).values()) {
                    json.writeString(member);
                }
                json.writeEndArray();
            }
            case NS -> {
                json.writeStartArray();
                for (AttributeValue.N member : ((AttributeValue.NS) value).values()) {
                    json.writeString(member.value());
                }
                json.writeEndArray();
            }
            case BS -> {
                json.writeStartArray();
                for (Bytes member : ((AttributeValue.BS) value).values()) {
                    json.writeString(member.toBase64());
                }
                json.writeEndArray();
            }
            case M -> writeAttributes(json, ((AttributeValue.M) value).values());
            case L -> {
                json.writeStartArray();
                for (AttributeValue element : ((AttributeValue.L) value).values()) {
                    writeValue(json, element);
                }
                json.writeEndArray();
            }
            case NULL -> json.writeBoolean(true);
            case BOOL -> json.writeBoolean(((AttributeValue.Bool) value).value());
            default -> throw new IllegalStateException("unknown attribute type " + value.type());
        }
        json.writeEndObject();
    }

    // ---------------------------------------------------------------- parsing whole documents

    /** Parses a document holding one item: a JSON object of attributes. */
    public static Item parseItem(byte[] json) {
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            return parseWhole(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    /** Parses a document holding one item: a JSON object of attributes. */
    public static Item parseItem(String json) {
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            return parseWhole(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    /** Parses a document holding one typed value, e.g. {@code {"N":"1.50"}}. */
    public static AttributeValue parseValue(String json) {
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            try {
                parser.nextToken();
                AttributeValue value = readValue(parser);
                requireEnd(parser);
                return value;
            } catch (JsonProcessingException e) {
                throw malformed(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    private static Item parseWhole(JsonParser parser) throws IOException {
        try {
            parser.nextToken();
            Item item = readItem(parser);
            requireEnd(parser);
            return item;
        } catch (JsonProcessingException e) {
            throw malformed(e);
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        if (parser.nextToken() != null) {
            throw new DynamoDbJsonException(JsonPaths.ROOT, "more content after the end of the value: " + describe(parser));
        }
    }

    /** The error for JSON that is not well-formed, with the line, column and offset where it broke. */
    private static DynamoDbJsonException malformed(JsonProcessingException e) {
        String path = e.getProcessor() instanceof JsonParser parser ? JsonPaths.of(parser.getParsingContext()) : JsonPaths.ROOT;
        return new DynamoDbJsonException(path, "malformed JSON " + where(e.getLocation()) + ": " + e.getOriginalMessage(), e);
    }

    /** "at line 3, column 17 (byte 120)" for a location Jackson reported. */
    public static String where(JsonLocation location) {
        if (location == null) {
            return "at an unknown position";
        }
        long offset = location.getByteOffset() >= 0 ? location.getByteOffset() : location.getCharOffset();
        return "at line " + location.getLineNr() + ", column " + location.getColumnNr()
                + (offset >= 0 ? " (offset " + offset + ")" : "");
    }

    // ---------------------------------------------------------------- streaming readers

    /**
     * Reads an item from a parser positioned on its {@code START_OBJECT}, leaving it on the matching
     * {@code END_OBJECT}. Strict: one type descriptor per value, the JSON type each descriptor
     * requires, no duplicate names or set members, at most {@value #MAX_DEPTH} levels. Errors are
     * {@link DynamoDbJsonException}s whose path is where the parser is in its whole document.
     */
    public static Item readItem(JsonParser parser) throws IOException {
        Map<String, AttributeValue> attributes = readAttributes(parser);
        try {
            return new Item(attributes);
        } catch (IllegalArgumentException e) {
            // back on the item's END_OBJECT, the parser's context is the item's container
            throw new DynamoDbJsonException(JsonPaths.of(parser.getParsingContext()), e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON object of attributes (an item, or the {@code Keys} of a stream record) from a
     * parser positioned on its {@code START_OBJECT}, leaving it on the matching {@code END_OBJECT}.
     */
    public static Map<String, AttributeValue> readAttributes(JsonParser parser) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new DynamoDbJsonException(JsonPaths.ofCurrentValue(parser),
                    "expected an object of attributes, found " + describe(parser));
        }
        return readMembers(parser, 1, true);
    }

    /** Reads one typed value from a parser positioned on its {@code START_OBJECT}. */
    public static AttributeValue readValue(JsonParser parser) throws IOException {
        return readValue(parser, 1);
    }

    private static Map<String, AttributeValue> readMembers(JsonParser parser, int depth, boolean topLevel) throws IOException {
        // Built as the domain's AttributeMap: the item or map made of it takes it without copying or checking again.
        AttributeMap.Builder members = new AttributeMap.Builder("attribute name");
        JsonStreamContext object = parser.getParsingContext();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (topLevel && name.isEmpty()) {
                throw new DynamoDbJsonException(JsonPaths.of(object), "attribute names of an item must not be empty");
            }
            try {
                Text.requireWellFormed(name, "attribute name");
            } catch (IllegalArgumentException e) {
                throw new DynamoDbJsonException(JsonPaths.of(object), e.getMessage(), e);
            }
            parser.nextToken();
            AttributeValue value = readValue(parser, depth);
            if (!members.add(name, value)) {
                throw new DynamoDbJsonException(JsonPaths.of(object), "attribute name appears twice");
            }
        }
        return members.build();
    }

    private static AttributeValue readValue(JsonParser parser, int depth) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new DynamoDbJsonException(JsonPaths.ofCurrentValue(parser),
                    "expected a typed value such as {\"S\": \"text\"}, found " + describe(parser));
        }
        JsonStreamContext typed = parser.getParsingContext();
        if (depth > MAX_DEPTH) {
            throw new DynamoDbJsonException(pathOf(typed), "values are nested more than " + MAX_DEPTH
                    + " levels deep (DynamoDB allows 32)");
        }
        if (parser.nextToken() != JsonToken.FIELD_NAME) {
            throw new DynamoDbJsonException(pathOf(typed), "has no type descriptor (one of " + DESCRIPTORS + ")");
        }
        String descriptor = parser.currentName();
        AttributeType type = typeNamed(descriptor);
        if (type == null) {
            throw new DynamoDbJsonException(pathOf(typed), "unknown type descriptor '" + abbreviate(descriptor)
                    + "' (expected one of " + DESCRIPTORS + ")");
        }
        parser.nextToken();
        AttributeValue value = readTyped(parser, type, typed, depth);
        if (parser.nextToken() == JsonToken.FIELD_NAME) {
            throw new DynamoDbJsonException(pathOf(typed), "has two type descriptors, '" + descriptor + "' and '"
                    + abbreviate(parser.currentName()) + "'");
        }
        return value;
    }

    private static AttributeValue readTyped(JsonParser parser, AttributeType type, JsonStreamContext typed, int depth)
            throws IOException {
        try {
            return switch (type) {
                case S -> AttributeValue.s(text(parser, typed, "S"));
                case N -> AttributeValue.n(text(parser, typed, "N"));
                case B -> new AttributeValue.B(Bytes.fromBase64(text(parser, typed, "B")));
                case SS -> new AttributeValue.SS(readSet(parser, typed, "SS", text -> Text.requireWellFormed(text, "SS member")));
                case NS -> new AttributeValue.NS(readSet(parser, typed, "NS", AttributeValue::n));
                case BS -> new AttributeValue.BS(readSet(parser, typed, "BS", Bytes::fromBase64));
                case M -> {
                    expect(parser, JsonToken.START_OBJECT, typed, "M value must be a JSON object");
                    yield new AttributeValue.M(readMembers(parser, depth + 1, false));
                }
                case L -> {
                    expect(parser, JsonToken.START_ARRAY, typed, "L value must be a JSON array");
                    List<AttributeValue> elements = new ArrayList<>();
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        elements.add(readValue(parser, depth + 1));
                    }
                    yield new AttributeValue.L(elements);
                }
                case NULL -> {
                    if (parser.currentToken() != JsonToken.VALUE_TRUE) {
                        throw new DynamoDbJsonException(pathOf(typed), "NULL value must be true, found " + describe(parser));
                    }
                    yield AttributeValue.nul();
                }
                case BOOL -> {
                    if (!parser.currentToken().isBoolean()) {
                        throw new DynamoDbJsonException(pathOf(typed), "BOOL value must be true or false, found " + describe(parser));
                    }
                    yield AttributeValue.bool(parser.currentToken() == JsonToken.VALUE_TRUE);
                }
            };
        } catch (DynamoDbJsonException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // a domain constructor refused the value: say where it was
            throw new DynamoDbJsonException(pathOf(typed), e.getMessage(), e);
        }
    }

    /** Members in order; a duplicate is an error, as DynamoDB rejects sets with duplicates. */
    private static <T> Set<T> readSet(JsonParser parser, JsonStreamContext typed, String type, MemberReader<T> reader)
            throws IOException {
        expect(parser, JsonToken.START_ARRAY, typed, type + " value must be a JSON array");
        Set<T> members = new LinkedHashSet<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new DynamoDbJsonException(JsonPaths.ofCurrentValue(parser),
                        type + " member must be a JSON string, found " + describe(parser));
            }
            T member;
            try {
                member = reader.read(parser.getText());
            } catch (IllegalArgumentException e) {
                throw new DynamoDbJsonException(JsonPaths.of(parser.getParsingContext()), e.getMessage(), e);
            }
            if (!members.add(member)) {
                throw new DynamoDbJsonException(JsonPaths.of(parser.getParsingContext()),
                        type + " member '" + abbreviate(parser.getText()) + "' appears twice (DynamoDB sets have no duplicates)");
            }
        }
        return members;
    }

    private static String text(JsonParser parser, JsonStreamContext typed, String type) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw new DynamoDbJsonException(pathOf(typed), type + " value must be a JSON string, found " + describe(parser));
        }
        return parser.getText();
    }

    private static void expect(JsonParser parser, JsonToken token, JsonStreamContext typed, String problem) {
        if (parser.currentToken() != token) {
            throw new DynamoDbJsonException(pathOf(typed), problem + ", found " + describe(parser));
        }
    }

    /** The path of the attribute (or list element) whose typed value object this context is. */
    private static String pathOf(JsonStreamContext typedValue) {
        return JsonPaths.of(typedValue.getParent());
    }

    private static AttributeType typeNamed(String descriptor) {
        return switch (descriptor) {
            case "S" -> AttributeType.S;
            case "N" -> AttributeType.N;
            case "B" -> AttributeType.B;
            case "SS" -> AttributeType.SS;
            case "NS" -> AttributeType.NS;
            case "BS" -> AttributeType.BS;
            case "M" -> AttributeType.M;
            case "L" -> AttributeType.L;
            case "NULL" -> AttributeType.NULL;
            case "BOOL" -> AttributeType.BOOL;
            default -> null;
        };
    }

    /** The current token in words, for error messages: "a string 'abc'", "a number 12", "an object". */
    public static String describe(JsonParser parser) {
        JsonToken token = parser.currentToken();
        if (token == null) {
            return "the end of the input";
        }
        try {
            return switch (token) {
                case VALUE_STRING -> "a string '" + abbreviate(parser.getText()) + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number " + abbreviate(parser.getText());
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> "null";
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case FIELD_NAME -> "the field '" + abbreviate(parser.currentName()) + "'";
                default -> token.asString() == null ? token.name() : "'" + token.asString() + "'";
            };
        } catch (IOException e) {
            return token.name();
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }

    @FunctionalInterface
    private interface MemberReader<T> {
        T read(String text);
    }
}
