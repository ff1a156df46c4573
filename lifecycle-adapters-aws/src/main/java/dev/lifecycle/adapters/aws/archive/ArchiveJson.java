package dev.lifecycle.adapters.aws.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.adapters.aws.json.DynamoDbJson;
import dev.lifecycle.adapters.aws.json.DynamoDbJsonException;
import dev.lifecycle.adapters.aws.json.JsonFactories;
import dev.lifecycle.adapters.aws.json.JsonPaths;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyAttribute;
import dev.lifecycle.domain.item.KeyValue;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes and reads archive objects of format {@value #FORMAT}, as docs/archive-format.md describes them. */
public final class ArchiveJson {

    /** The value of the {@code format} field this class writes and reads. */
    public static final String FORMAT = "lifecycle-archive/1";
    /** The content type to store archive objects with. */
    public static final String CONTENT_TYPE = "application/json";

    /** User metadata keys (S3 sends them as {@code x-amz-meta-<key>}). */
    public static final String METADATA_FORMAT = "lifecycle-format";
    public static final String METADATA_TABLE = "lifecycle-table";
    public static final String METADATA_CAUSE = "lifecycle-cause";
    public static final String METADATA_SEQUENCE_NUMBER = "lifecycle-sequence-number";
    public static final String METADATA_CONTENT_SHA256 = "lifecycle-content-sha256";

    private static final String FORMAT_FIELD = "format";
    private static final List<String> FIELDS = List.of(FORMAT_FIELD, "table", "keys", "cause", "deletedAt", "eventId",
            "sequenceNumber", "policy", "contentSha256", "oldImage");

    private ArchiveJson() {
    }

    // ---------------------------------------------------------------- writing

    /**
     * The entry as UTF-8 JSON ending with a newline: fields in a fixed order, the old image exactly
     * as the stream delivered it. The same entry always gives the same bytes.
     */
    public static byte[] write(ArchiveEntry entry) {
        // One buffer per thread, reused: writing then costs one copy (toByteArray), not a copy per doubling.
        ByteArrayOutputStream out = BUFFER.get();
        out.reset();
        write(entry, out, true);
        byte[] bytes = out.toByteArray();
        if (out.size() > KEEP_BUFFER_UP_TO) {
            BUFFER.remove();
        }
        return bytes;
    }

    /**
     * The entry as one line of NDJSON, for batch objects: the same document as {@link #write}
     * without the white space, ending with a newline (JSON strings escape every newline they hold).
     */
    public static void writeLine(ArchiveEntry entry, java.io.OutputStream out) {
        write(entry, out, false);
    }

    private static void write(ArchiveEntry entry, java.io.OutputStream out, boolean pretty) {
        try (JsonGenerator json = JsonFactories.shared().createGenerator(out, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            if (pretty) {
                json.setPrettyPrinter(new ArchivePrettyPrinter());
            }
            json.writeStartObject();
            json.writeStringField(FORMAT_FIELD, FORMAT);
            json.writeStringField("table", entry.table().value());
            json.writeFieldName("keys");
            DynamoDbJson.writeAttributes(json, entry.key().asAttributes());
            json.writeStringField("cause", entry.cause().name());
            json.writeStringField("deletedAt", entry.deletedAt().toString());
            json.writeStringField("eventId", entry.eventId());
            json.writeStringField("sequenceNumber", entry.sequenceNumber().value());
            json.writeObjectFieldStart("policy");
            json.writeStringField("id", entry.policyId().value());
            json.writeNumberField("version", entry.policyVersion().value());
            json.writeEndObject();
            json.writeStringField("contentSha256", entry.contentSha256());
            json.writeFieldName("oldImage");
            DynamoDbJson.writeItem(json, entry.oldImage());
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
    }

    private static final int KEEP_BUFFER_UP_TO = 1 << 20;
    private static final ThreadLocal<ByteArrayOutputStream> BUFFER = ThreadLocal.withInitial(() -> new ByteArrayOutputStream(8192));

    /** The object's user metadata, so that listings and HEAD requests tell what an object holds without reading it. */
    public static Map<String, String> objectMetadata(ArchiveEntry entry) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(METADATA_FORMAT, FORMAT);
        metadata.put(METADATA_TABLE, entry.table().value());
        metadata.put(METADATA_CAUSE, entry.cause().name());
        metadata.put(METADATA_SEQUENCE_NUMBER, entry.sequenceNumber().value());
        metadata.put(METADATA_CONTENT_SHA256, entry.contentSha256());
        return Collections.unmodifiableMap(metadata);
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads an archive object back into its entry: fields in any order, unknown fields ignored,
     * another {@code format} refused, the checksum verified. {@code objectName} (such as
     * {@code s3://bucket/key}) appears in every error: {@link ArchiveChecksumMismatchException} when
     * the content does not hash to its stated checksum, {@link UnreadableArchiveObjectException}
     * for anything else.
     */
    public static ArchiveEntry read(byte[] json, String objectName) {
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            return new Reader(parser, json, objectName).read();
        } catch (JsonProcessingException e) {
            throw new UnreadableArchiveObjectException(objectName, "not well-formed JSON " + DynamoDbJson.where(e.getLocation())
                    + ": " + e.getOriginalMessage(), e);
        } catch (DynamoDbJsonException e) {
            throw new UnreadableArchiveObjectException(objectName, e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

    /** The fields of one object as they arrive. */
    private static final class Reader {
        private final JsonParser parser;
        private final byte[] json;
        private final String objectName;
        private TableName table;
        private ItemKey key;
        private DeletionCause cause;
        private Instant deletedAt;
        private String eventId;
        private SequenceNumber sequenceNumber;
        private PolicyId policyId;
        private PolicyVersion policyVersion;
        private String contentSha256;
        private Item oldImage;

        Reader(JsonParser parser, byte[] json, String objectName) {
            this.parser = parser;
            this.json = json;
            this.objectName = objectName;
        }

        ArchiveEntry read() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw unreadable("an archive object is a JSON object, found " + DynamoDbJson.describe(parser));
            }
            boolean first = true;
            boolean formatSeen = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                if (first && !FORMAT_FIELD.equals(field)) {
                    // written objects start with it; a reordered copy is checked before its fields are trusted
                    requireKnownFormat(scanFormat());
                    formatSeen = true;
                }
                first = false;
                parser.nextToken();
                if (FORMAT_FIELD.equals(field)) {
                    requireKnownFormat(Optional.of(string()));
                    formatSeen = true;
                } else {
                    readField(field);
                }
            }
            if (!formatSeen) {
                requireKnownFormat(Optional.empty());
            }
            if (parser.nextToken() != null) {
                throw unreadable("more content after the end of the object: " + DynamoDbJson.describe(parser));
            }
            return entry();
        }

        private void readField(String field) throws IOException {
            try {
                switch (field) {
                    case "table" -> table = TableName.of(string());
                    case "keys" -> key = itemKey(DynamoDbJson.readAttributes(parser));
                    case "cause" -> cause = cause(string());
                    case "deletedAt" -> deletedAt = Instant.parse(string());
                    case "eventId" -> eventId = string();
                    case "sequenceNumber" -> sequenceNumber = SequenceNumber.of(string());
                    case "policy" -> readPolicy();
                    case "contentSha256" -> contentSha256 = string();
                    case "oldImage" -> oldImage = DynamoDbJson.readItem(parser);
                    default -> parser.skipChildren();
                }
            } catch (DynamoDbJsonException e) {
                throw e;
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw unreadable(JsonPaths.ofCurrentValue(parser) + ": " + e.getMessage());
            }
        }

        private void readPolicy() throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("must be an object {\"id\": ..., \"version\": ...}, found "
                        + DynamoDbJson.describe(parser));
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("id".equals(field)) {
                    policyId = PolicyId.of(string());
                } else if ("version".equals(field)) {
                    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
                            || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                        throw new IllegalArgumentException("must be a whole number of at most 19 digits, found "
                                + DynamoDbJson.describe(parser));
                    }
                    policyVersion = PolicyVersion.of(parser.getLongValue());
                } else {
                    parser.skipChildren();
                }
            }
        }

        private static DeletionCause cause(String text) {
            for (DeletionCause cause : DeletionCause.values()) {
                if (cause.name().equals(text)) {
                    return cause;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not one of TTL, EXPIRED, USER");
        }

        /** The key attributes as written: the partition key first, then the sort key if any. */
        private static ItemKey itemKey(Map<String, AttributeValue> attributes) {
            if (attributes.isEmpty() || attributes.size() > 2) {
                throw new IllegalArgumentException("must hold the one or two key attributes, holds " + attributes.size());
            }
            List<KeyAttribute> parts = new ArrayList<>(2);
            attributes.forEach((name, value) -> {
                if (!(value instanceof KeyValue keyValue)) {
                    throw new IllegalArgumentException("key attribute '" + name + "' is of type " + value.type() + "; keys are S, N or B");
                }
                parts.add(new KeyAttribute(name, keyValue));
            });
            return new ItemKey(parts.get(0), parts.size() == 2 ? Optional.of(parts.get(1)) : Optional.empty());
        }

        private ArchiveEntry entry() {
            String missing = FIELDS.stream().filter(this::isMissing).findFirst().orElse(null);
            if (missing != null) {
                throw unreadable("has no '" + missing + "'");
            }
            try {
                return new ArchiveEntry(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId,
                        policyVersion, contentSha256);
            } catch (IllegalArgumentException e) {
                throw whyRejected(e);
            }
        }

        /**
         * The entry's constructor verifies the checksum among other things: if the same content is
         * accepted with the checksum recomputed, the checksum was the only thing wrong.
         */
        private UnreadableArchiveObjectException whyRejected(IllegalArgumentException rejection) {
            ArchiveEntry recomputed;
            try {
                recomputed = ArchiveEntry.create(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId,
                        policyVersion);
            } catch (IllegalArgumentException other) {
                return new UnreadableArchiveObjectException(objectName, rejection.getMessage(), rejection);
            }
            return new ArchiveChecksumMismatchException(objectName, contentSha256, recomputed.contentSha256());
        }

        private boolean isMissing(String field) {
            return switch (field) {
                case "format" -> false;
                case "table" -> table == null;
                case "keys" -> key == null;
                case "cause" -> cause == null;
                case "deletedAt" -> deletedAt == null;
                case "eventId" -> eventId == null;
                case "sequenceNumber" -> sequenceNumber == null;
                case "policy" -> policyId == null || policyVersion == null;
                case "contentSha256" -> contentSha256 == null;
                case "oldImage" -> oldImage == null;
                default -> throw new IllegalStateException("unknown field " + field);
            };
        }

        private String string() throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("must be a string, found " + DynamoDbJson.describe(parser));
            }
            return parser.getText();
        }

        private void requireKnownFormat(Optional<String> format) {
            if (format.isEmpty()) {
                throw unreadable("has no 'format' field: not a lifecycle archive object");
            }
            if (!FORMAT.equals(format.get())) {
                throw unreadable("format '" + format.get() + "' is not one this version reads (" + FORMAT + ")");
            }
        }

        /** Looks for the top-level {@code format} field in a second pass over the document. */
        private Optional<String> scanFormat() throws IOException {
            try (JsonParser scan = JsonFactories.shared().createParser(json)) {
                scan.nextToken();
                while (scan.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isFormat = FORMAT_FIELD.equals(scan.currentName());
                    scan.nextToken();
                    if (isFormat) {
                        return scan.currentToken() == JsonToken.VALUE_STRING ? Optional.of(scan.getText())
                                : Optional.of(DynamoDbJson.describe(scan));
                    }
                    scan.skipChildren();
                }
                return Optional.empty();
            }
        }

        private UnreadableArchiveObjectException unreadable(String problem) {
            return new UnreadableArchiveObjectException(objectName, problem);
        }
    }
}
