package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.KeyPrefix;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The archive's object-key layout:
 * {@code <prefix>/<table>/<yyyy>/<MM>/<dd>/<key token>/<sequence number>.json}, dated by the
 * deletion time in UTC, for one object per removal; batched objects and their indexes live in
 * {@code <yyyy>/<MM>/<dd>/_batches/<cause>/} ({@link #forBatch}), and one of their entries is
 * named {@code <batch object key>#<key token>/<sequence number>}. Everything in a key comes from
 * the stream records, so a retry of the same records always writes the same keys.
 */
public final class ArchiveKeys {

    public static final String EXTENSION = ".json";

    private ArchiveKeys() {
    }

    /** The folder of a day's batched archive objects, below the day's folder: it sorts after every key token. */
    public static final String BATCHES_FOLDER = "_batches/";
    public static final String BATCH_EXTENSION = ".ndjson.gz";
    public static final String BATCH_INDEX_EXTENSION = ".index.json.gz";
    /** Separates a batch object's key from the entry's key token and sequence number in an entry's name. */
    public static final char ENTRY_SEPARATOR = '#';

    public static ObjectKey forRecord(KeyPrefix prefix, TableName table, Instant deletedAt, ItemKey key,
                                      SequenceNumber sequenceNumber) {
        return new ObjectKey(dayPrefix(prefix, table, utcDay(deletedAt)) + KeyToken.encode(key) + "/" + sequenceNumber.canonical() + EXTENSION);
    }

    /** The UTC day of an instant, without LocalDate.ofInstant's zone rules lookup (this runs once per archived record). */
    public static LocalDate utcDay(Instant instant) {
        return LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400L));
    }

    /** A batch object's key and its index's key. */
    public record BatchKeys(ObjectKey data, ObjectKey index) {
    }

    /**
     * The keys of the batch of these records (in increasing order) of one table, day and cause:
     * {@code <day prefix>_batches/<cause>/<first>-<last>-<count>-<hash>.ndjson.gz}, the hash being
     * the first 16 hex digits of the SHA-256 of all the sequence numbers, so that two batches that
     * share their first and last record but not all the others never share a key. The index is
     * the same name ending in {@code .index.json.gz}.
     */
    public static BatchKeys forBatch(KeyPrefix prefix, TableName table, LocalDate day, DeletionCause cause,
                                     List<SequenceNumber> sequenceNumbers) {
        if (sequenceNumbers.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one record");
        }
        StringBuilder all = new StringBuilder(sequenceNumbers.size() * 24);
        sequenceNumbers.forEach(sequence -> all.append(sequence.canonical()).append('\n'));
        String base = batchesPrefix(prefix, table, day) + cause.name() + "/" + sequenceNumbers.get(0).canonical() + "-"
                + sequenceNumbers.get(sequenceNumbers.size() - 1).canonical() + "-" + sequenceNumbers.size() + "-"
                + KeyToken.sha256Hex(all).substring(0, 16);
        return new BatchKeys(new ObjectKey(base + BATCH_EXTENSION), new ObjectKey(base + BATCH_INDEX_EXTENSION));
    }

    /** The common prefix of a day's batched archive objects and their indexes (ends with '/'). */
    public static String batchesPrefix(KeyPrefix prefix, TableName table, LocalDate day) {
        return dayPrefix(prefix, table, day) + BATCHES_FOLDER;
    }

    /** The name of one entry of a batch object: {@code <batch object key>#<key token>/<sequence number>}. */
    public static ObjectKey entryInBatch(ObjectKey batch, ItemKey key, SequenceNumber sequenceNumber) {
        return new ObjectKey(batch.value() + ENTRY_SEPARATOR + KeyToken.encode(key) + "/" + sequenceNumber.canonical());
    }

    /** The index of a batch object. */
    public static ObjectKey indexOf(ObjectKey batch) {
        String key = batch.value();
        if (!key.endsWith(BATCH_EXTENSION)) {
            throw new IllegalArgumentException("'" + key + "' is not a batch object's key");
        }
        return new ObjectKey(key.substring(0, key.length() - BATCH_EXTENSION.length()) + BATCH_INDEX_EXTENSION);
    }

    /** The batch object of an index. */
    public static ObjectKey batchOfIndex(ObjectKey index) {
        String key = index.value();
        if (!key.endsWith(BATCH_INDEX_EXTENSION)) {
            throw new IllegalArgumentException("'" + key + "' is not a batch index's key");
        }
        return new ObjectKey(key.substring(0, key.length() - BATCH_INDEX_EXTENSION.length()) + BATCH_EXTENSION);
    }

    /** The batch object an entry's name points into; empty for the name of a per-item object. */
    public static Optional<ObjectKey> batchOf(ObjectKey entry) {
        int separator = entry.value().indexOf(ENTRY_SEPARATOR);
        return separator < 0 ? Optional.empty() : Optional.of(new ObjectKey(entry.value().substring(0, separator)));
    }

    /** The common prefix of one table's archive objects for one day (ends with '/'). */
    public static String dayPrefix(KeyPrefix prefix, TableName table, LocalDate day) {
        String directory = prefix.asDirectory() + table.value() + "/";
        if (day.getYear() < 0 || day.getYear() > 9999) {
            return directory + String.format(java.util.Locale.ROOT, "%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        }
        StringBuilder text = new StringBuilder(directory.length() + 11).append(directory);
        appendPadded(text, day.getYear(), 4).append('/');
        appendPadded(text, day.getMonthValue(), 2).append('/');
        return appendPadded(text, day.getDayOfMonth(), 2).append('/').toString();
    }

    private static StringBuilder appendPadded(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** The common prefix of all of one table's archive objects (ends with '/'). */
    public static String tablePrefix(KeyPrefix prefix, TableName table) {
        return prefix.asDirectory() + table.value() + "/";
    }

    /**
     * Reads an object key back: empty when the key is not an archive object of this table under
     * this prefix (another file in the bucket, a malformed name, a token that does not fit the key
     * schema).
     */
    public static Optional<ArchivedObject> parse(KeyPrefix prefix, TableName table, KeySchema schema, ObjectKey objectKey) {
        String key = objectKey.value();
        int separator = key.indexOf(ENTRY_SEPARATOR);
        if (separator >= 0) {
            return parseEntryInBatch(prefix, table, schema, objectKey, separator);
        }
        String base = tablePrefix(prefix, table);
        if (!key.startsWith(base) || !key.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String[] parts = key.substring(base.length(), key.length() - EXTENSION.length()).split("/", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            Optional<LocalDate> day = day(prefix, table, base, parts);
            if (day.isEmpty()) {
                return Optional.empty();
            }
            return item(schema, parts[3], parts[4]).map(found -> new ArchivedObject(objectKey, day.get(), parts[3], found.key(),
                    found.sequenceNumber()));
        } catch (RuntimeException malformed) {
            // NumberFormatException, DateTimeException, IllegalArgumentException: not one of ours.
            return Optional.empty();
        }
    }

    /** A batch object's key read back: its day and cause; empty when it is not a batch object of this table. */
    public static Optional<BatchObject> parseBatch(KeyPrefix prefix, TableName table, ObjectKey objectKey) {
        String base = tablePrefix(prefix, table);
        String key = objectKey.value();
        if (!key.startsWith(base) || !key.endsWith(BATCH_EXTENSION)) {
            return Optional.empty();
        }
        String[] parts = key.substring(base.length(), key.length() - BATCH_EXTENSION.length()).split("/", -1);
        if (parts.length != 6 || !(parts[3] + "/").equals(BATCHES_FOLDER)) {
            return Optional.empty();
        }
        try {
            Optional<LocalDate> day = day(prefix, table, base, parts);
            DeletionCause cause = DeletionCause.valueOf(parts[4]);
            if (day.isEmpty() || !parts[5].matches("[0-9]{1,40}-[0-9]{1,40}-[0-9]{1,5}-[0-9a-f]{16}")) {
                return Optional.empty();
            }
            return Optional.of(new BatchObject(objectKey, indexOf(objectKey), day.get(), cause));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** A batch object of a table: its key, its index's key, its day and its cause. */
    public record BatchObject(ObjectKey data, ObjectKey index, LocalDate day, DeletionCause cause) {
    }

    private static Optional<ArchivedObject> parseEntryInBatch(KeyPrefix prefix, TableName table, KeySchema schema,
                                                              ObjectKey objectKey, int separator) {
        String key = objectKey.value();
        Optional<BatchObject> batch;
        try {
            batch = parseBatch(prefix, table, new ObjectKey(key.substring(0, separator)));
        } catch (IllegalArgumentException empty) {
            return Optional.empty();
        }
        String[] entry = key.substring(separator + 1).split("/", -1);
        if (batch.isEmpty() || entry.length != 2) {
            return Optional.empty();
        }
        try {
            return item(schema, entry[0], entry[1]).map(found -> new ArchivedObject(objectKey, batch.get().day(), entry[0],
                    found.key(), found.sequenceNumber()));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** The day of the year, month and day parts, if they name one exactly as the layout writes it. */
    private static Optional<LocalDate> day(KeyPrefix prefix, TableName table, String base, String[] parts) {
        LocalDate day = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        if (!dayPrefix(prefix, table, day).equals(base + parts[0] + "/" + parts[1] + "/" + parts[2] + "/")) {
            return Optional.empty();
        }
        return Optional.of(day);
    }

    private record Found(Optional<ItemKey> key, SequenceNumber sequenceNumber) {
    }

    /** A key token and a sequence number as the layout writes them, or empty. */
    private static Optional<Found> item(KeySchema schema, String token, String sequenceText) {
        SequenceNumber sequence = SequenceNumber.of(sequenceText);
        if (!sequence.canonical().equals(sequenceText)) {
            return Optional.empty();
        }
        Optional<ItemKey> itemKey = KeyToken.decode(token, schema);
        if (itemKey.isPresent() && !KeyToken.encode(itemKey.get()).equals(token)) {
            return Optional.empty();
        }
        return Optional.of(new Found(itemKey, sequence));
    }

    /** The common prefix of one item's archive objects for one day (ends with '/'). */
    public static String itemPrefix(KeyPrefix prefix, TableName table, LocalDate day, ItemKey key) {
        return dayPrefix(prefix, table, day) + KeyToken.encode(key) + "/";
    }
}
