package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.KeyPrefix;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

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
        LocalDate day = LocalDate.ofInstant(deletedAt, ZoneOffset.UTC);
        return new ObjectKey(dayPrefix(prefix, table, day) + KeyToken.encode(key) + "/" + sequenceNumber.canonical() + EXTENSION);
    }

    /** The common prefix of one table's archive objects for one day (ends with '/'). */
    public static String dayPrefix(KeyPrefix prefix, TableName table, LocalDate day) {
        return prefix.asDirectory() + table.value() + "/"
                + String.format(java.util.Locale.ROOT, "%04d/%02d/%02d/", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    /** The common prefix of one item's archive objects for one day (ends with '/'). */
    public static String itemPrefix(KeyPrefix prefix, TableName table, LocalDate day, ItemKey key) {
        return dayPrefix(prefix, table, day) + KeyToken.encode(key) + "/";
    }
}
