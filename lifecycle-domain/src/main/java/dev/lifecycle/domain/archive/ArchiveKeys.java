package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.KeyPrefix;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The archive's object-key layout:
 * {@code <prefix>/<table>/<yyyy>/<MM>/<dd>/<key token>/<sequence number>.json}, dated by the
 * deletion time in UTC. Everything in it comes from the stream record, so a retry of the same
 * record always writes the same key.
 */
public final class ArchiveKeys {

    public static final String EXTENSION = ".json";

    private ArchiveKeys() {
    }

    public static ObjectKey forRecord(KeyPrefix prefix, TableName table, Instant deletedAt, ItemKey key,
                                      SequenceNumber sequenceNumber) {
        // The UTC day, without LocalDate.ofInstant's zone rules lookup (this runs once per archived record).
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(deletedAt.getEpochSecond(), 86_400L));
        return new ObjectKey(dayPrefix(prefix, table, day) + KeyToken.encode(key) + "/" + sequenceNumber.canonical() + EXTENSION);
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
        String base = tablePrefix(prefix, table);
        String key = objectKey.value();
        if (!key.startsWith(base) || !key.endsWith(EXTENSION)) {
            return Optional.empty();
        }
        String[] parts = key.substring(base.length(), key.length() - EXTENSION.length()).split("/", -1);
        if (parts.length != 5) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            if (!dayPrefix(prefix, table, day).equals(base + parts[0] + "/" + parts[1] + "/" + parts[2] + "/")) {
                return Optional.empty();
            }
            SequenceNumber sequence = SequenceNumber.of(parts[4]);
            if (!sequence.canonical().equals(parts[4])) {
                return Optional.empty();
            }
            Optional<ItemKey> itemKey = KeyToken.decode(parts[3], schema);
            if (itemKey.isPresent() && !KeyToken.encode(itemKey.get()).equals(parts[3])) {
                return Optional.empty();
            }
            return Optional.of(new ArchivedObject(objectKey, day, parts[3], itemKey, sequence));
        } catch (RuntimeException malformed) {
            // NumberFormatException, DateTimeException, IllegalArgumentException: not one of ours.
            return Optional.empty();
        }
    }

    /** The common prefix of one item's archive objects for one day (ends with '/'). */
    public static String itemPrefix(KeyPrefix prefix, TableName table, LocalDate day, ItemKey key) {
        return dayPrefix(prefix, table, day) + KeyToken.encode(key) + "/";
    }
}
