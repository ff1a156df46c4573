package dev.lifecycle.adapters.aws.archive;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.adapters.aws.json.JsonFactories;
import dev.lifecycle.domain.archive.ArchiveBatch;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.BatchIndex;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Writes and reads batch objects ({@value #FORMAT}) and their indexes ({@value #INDEX_FORMAT}),
 * as docs/archive-format.md describes them. A batch object is NDJSON, one archive document per
 * line in sequence-number order, compressed as a series of gzip members (blocks) of up to
 * {@value #BLOCK_BYTES} bytes of lines each: the whole object is an ordinary {@code .ndjson.gz}
 * ({@code zcat} reads it), and one block can be read and decompressed alone. The index is gzip
 * JSON giving each entry's key token, sequence number, content checksum and block.
 */
public final class BatchArchiveFormat {

    public static final String FORMAT = "lifecycle-batch/1";
    public static final String INDEX_FORMAT = "lifecycle-batch-index/1";
    /** Both are gzip files (no Content-Encoding, so that no HTTP client decompresses them on the way, and ranges stay raw). */
    public static final String CONTENT_TYPE = "application/gzip";
    public static final String INDEX_CONTENT_TYPE = "application/gzip";
    /** How many bytes of lines a block holds at most, unless one line alone is longer. */
    public static final int BLOCK_BYTES = 64 * 1024;
    /** The largest index this reads: 10,000 entries take about 2 MB. */
    private static final int MAX_INDEX_BYTES = 64 * 1024 * 1024;

    private BatchArchiveFormat() {
    }

    /** A batch as bytes: the object, and its index. */
    public record Encoded(byte[] data, byte[] index, int blocks) {
    }

    /** The batch object and its index. The same batch always gives the same bytes with the same JDK. */
    public static Encoded encode(ArchiveBatch batch) {
        ByteArrayOutputStream data = new ByteArrayOutputStream(64 * 1024);
        ByteArrayOutputStream block = new ByteArrayOutputStream(BLOCK_BYTES + 8 * 1024);
        ByteArrayOutputStream line = new ByteArrayOutputStream(4096);
        List<BatchIndex.Entry> entries = new ArrayList<>(batch.entries().size());
        List<ArchiveEntry> inBlock = new ArrayList<>();
        int blocks = 0;
        for (ArchiveEntry entry : batch.entries()) {
            line.reset();
            ArchiveJson.writeLine(entry, line);
            if (block.size() > 0 && block.size() + line.size() > BLOCK_BYTES) {
                blocks++;
                flushBlock(block, inBlock, data, entries);
            }
            block.write(line.toByteArray(), 0, line.size());
            inBlock.add(entry);
        }
        if (block.size() > 0) {
            blocks++;
            flushBlock(block, inBlock, data, entries);
        }
        BatchIndex index = new BatchIndex(batch.data().key(), batch.table(), batch.day(), batch.cause(), batch.contentSha256(),
                entries);
        return new Encoded(data.toByteArray(), gzip(writeIndex(index)), blocks);
    }

    private static void flushBlock(ByteArrayOutputStream block, List<ArchiveEntry> inBlock, ByteArrayOutputStream data,
                                   List<BatchIndex.Entry> entries) {
        long offset = data.size();
        byte[] compressed = gzip(block.toByteArray());
        data.writeBytes(compressed);
        for (int line = 0; line < inBlock.size(); line++) {
            ArchiveEntry entry = inBlock.get(line);
            entries.add(new BatchIndex.Entry(KeyToken.encode(entry.key()), entry.sequenceNumber(), entry.contentSha256(),
                    new BatchIndex.Slot(offset, compressed.length, line)));
        }
        block.reset();
        inBlock.clear();
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("compressing in memory failed", e);
        }
        return out.toByteArray();
    }

    /** User metadata of a batch object. */
    public static Map<String, String> objectMetadata(ArchiveBatch batch) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ArchiveJson.METADATA_FORMAT, FORMAT);
        metadata.put(ArchiveJson.METADATA_TABLE, batch.table().value());
        metadata.put(ArchiveJson.METADATA_CAUSE, batch.cause().name());
        metadata.put(METADATA_ENTRIES, Integer.toString(batch.entries().size()));
        metadata.put(ArchiveJson.METADATA_CONTENT_SHA256, batch.contentSha256());
        return metadata;
    }

    /** User metadata of a batch's index. */
    public static Map<String, String> indexMetadata(ArchiveBatch batch) {
        Map<String, String> metadata = new LinkedHashMap<>(objectMetadata(batch));
        metadata.put(ArchiveJson.METADATA_FORMAT, INDEX_FORMAT);
        return metadata;
    }

    public static final String METADATA_ENTRIES = "lifecycle-entries";

    // ---------------------------------------------------------------- the index

    static byte[] writeIndex(BatchIndex index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + index.entries().size() * 160);
        try (JsonGenerator json = JsonFactories.shared().createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("format", INDEX_FORMAT);
            json.writeStringField("object", index.data().value());
            json.writeStringField("table", index.table().value());
            json.writeStringField("day", index.day().toString());
            json.writeStringField("cause", index.cause().name());
            json.writeStringField("contentSha256", index.contentSha256());
            json.writeArrayFieldStart("entries");
            for (BatchIndex.Entry entry : index.entries()) {
                out.write('\n');
                json.writeStartObject();
                json.writeStringField("keyToken", entry.keyToken());
                json.writeStringField("sequenceNumber", entry.sequenceNumber().canonical());
                json.writeStringField("contentSha256", entry.contentSha256());
                json.writeNumberField("offset", entry.slot().offset());
                json.writeNumberField("length", entry.slot().length());
                json.writeNumberField("line", entry.slot().line());
                json.writeEndObject();
                json.flush();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory failed", e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    /**
     * Reads an index back and checks it: its format, that it describes the object {@code data},
     * that its entries are in sequence-number order and that their checksums make the batch's.
     *
     * @throws UnreadableArchiveObjectException naming {@code objectName} for anything wrong
     */
    public static BatchIndex readIndex(byte[] compressed, ObjectKey data, String objectName) {
        byte[] json = gunzip(compressed, MAX_INDEX_BYTES, objectName);
        BatchIndex index;
        try (JsonParser parser = JsonFactories.shared().createParser(json)) {
            index = new IndexReader(parser, objectName).read();
        } catch (JsonProcessingException e) {
            throw new UnreadableArchiveObjectException(objectName, "not well-formed JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new UnreadableArchiveObjectException(objectName, e.getMessage(), e);
        }
        if (!index.data().equals(data)) {
            throw new UnreadableArchiveObjectException(objectName, "is the index of " + index.data() + ", not of " + data);
        }
        SequenceNumber previous = null;
        for (BatchIndex.Entry entry : index.entries()) {
            if (previous != null && previous.compareTo(entry.sequenceNumber()) >= 0) {
                throw new UnreadableArchiveObjectException(objectName, "entries are not in increasing sequence-number order at "
                        + entry.sequenceNumber());
            }
            previous = entry.sequenceNumber();
        }
        String computed = index.entriesChecksum();
        if (!computed.equals(index.contentSha256())) {
            throw new UnreadableArchiveObjectException(objectName, "the entries' checksums hash to " + computed + ", the index states "
                    + index.contentSha256());
        }
        return index;
    }

    private static final class IndexReader {
        private final JsonParser parser;
        private final String objectName;

        IndexReader(JsonParser parser, String objectName) {
            this.parser = parser;
            this.objectName = objectName;
        }

        BatchIndex read() throws IOException {
            require(parser.nextToken() == JsonToken.START_OBJECT, "an index is a JSON object");
            String format = null;
            String object = null;
            String table = null;
            String day = null;
            String cause = null;
            String sha = null;
            List<BatchIndex.Entry> entries = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "format" -> format = text();
                    case "object" -> object = text();
                    case "table" -> table = text();
                    case "day" -> day = text();
                    case "cause" -> cause = text();
                    case "contentSha256" -> sha = text();
                    case "entries" -> entries = entries();
                    default -> parser.skipChildren();
                }
            }
            if (!INDEX_FORMAT.equals(format)) {
                throw new UnreadableArchiveObjectException(objectName, "format '" + format + "' is not one this version reads ("
                        + INDEX_FORMAT + ")");
            }
            require(object != null && table != null && day != null && cause != null && sha != null && entries != null,
                    "an index has object, table, day, cause, contentSha256 and entries");
            return new BatchIndex(new ObjectKey(object), TableName.of(table), LocalDate.parse(day), DeletionCause.valueOf(cause),
                    sha, entries);
        }

        private List<BatchIndex.Entry> entries() throws IOException {
            require(parser.currentToken() == JsonToken.START_ARRAY, "'entries' is an array");
            List<BatchIndex.Entry> entries = new ArrayList<>();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String token = null;
                String sequence = null;
                String sha = null;
                Long offset = null;
                Long length = null;
                Long line = null;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "keyToken" -> token = text();
                        case "sequenceNumber" -> sequence = text();
                        case "contentSha256" -> sha = text();
                        case "offset" -> offset = number();
                        case "length" -> length = number();
                        case "line" -> line = number();
                        default -> parser.skipChildren();
                    }
                }
                require(token != null && sequence != null && sha != null && offset != null && length != null && line != null,
                        "entry " + entries.size() + " has keyToken, sequenceNumber, contentSha256, offset, length and line");
                require(length <= Integer.MAX_VALUE && line <= Integer.MAX_VALUE, "entry " + entries.size() + " is out of range");
                entries.add(new BatchIndex.Entry(token, SequenceNumber.of(sequence), sha,
                        new BatchIndex.Slot(offset, (int) (long) length, (int) (long) line)));
            }
            require(parser.currentToken() == JsonToken.END_ARRAY, "'entries' holds objects");
            return entries;
        }

        private String text() throws IOException {
            require(parser.currentToken() == JsonToken.VALUE_STRING, "'" + parser.currentName() + "' is a string");
            return parser.getText();
        }

        private long number() throws IOException {
            require(parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER,
                    "'" + parser.currentName() + "' is a whole number");
            return parser.getLongValue();
        }

        private void require(boolean condition, String what) {
            if (!condition) {
                throw new UnreadableArchiveObjectException(objectName, "not a valid batch index: " + what);
            }
        }
    }

    // ---------------------------------------------------------------- one entry

    /**
     * The entry on line {@code line} of one compressed block, checksum verified.
     *
     * @throws UnreadableArchiveObjectException naming {@code objectName} when the block is not one
     *         of gzip lines or has no such line
     */
    public static ArchiveEntry readEntry(byte[] block, int line, String objectName) {
        byte[] lines = gunzip(block, BLOCK_BYTES + 8 * 1024 * 1024, objectName);
        int start = 0;
        for (int i = 0; i < line; i++) {
            int end = indexOf(lines, (byte) '\n', start);
            if (end < 0) {
                throw new UnreadableArchiveObjectException(objectName, "the block has no line " + line);
            }
            start = end + 1;
        }
        int end = indexOf(lines, (byte) '\n', start);
        if (end < 0 || end == start) {
            throw new UnreadableArchiveObjectException(objectName, "the block has no line " + line);
        }
        return ArchiveJson.read(java.util.Arrays.copyOfRange(lines, start, end), objectName + " line " + line);
    }

    /** Every entry of a whole batch object, in order: for tools and tests that read an object in full. */
    public static List<ArchiveEntry> readAll(byte[] data, String objectName) {
        byte[] lines = gunzip(data, Integer.MAX_VALUE - 16, objectName);
        List<ArchiveEntry> entries = new ArrayList<>();
        int start = 0;
        while (start < lines.length) {
            int end = indexOf(lines, (byte) '\n', start);
            if (end < 0) {
                throw new UnreadableArchiveObjectException(objectName, "the last line has no newline");
            }
            entries.add(ArchiveJson.read(java.util.Arrays.copyOfRange(lines, start, end), objectName + " line " + entries.size()));
            start = end + 1;
        }
        return entries;
    }

    private static int indexOf(byte[] bytes, byte value, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] gunzip(byte[] compressed, int limit, String objectName) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, compressed.length * 4 + 64));
            byte[] buffer = new byte[16 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (out.size() + read > limit) {
                    throw new UnreadableArchiveObjectException(objectName, "decompresses to more than " + limit + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw new UnreadableArchiveObjectException(objectName, "not gzip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
    }

}
