package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Browses a governed table's archive: by day, by item key, one entry at a time. */
public interface BrowseArchivesUseCase {

    /** The longest range of days one query may span (one S3 listing per day). */
    int MAX_DAYS = 366;

    /** The most entries one item lookup returns. */
    int MAX_ITEM_RESULTS = 1000;

    /** One page of the objects archived from a table on a day (UTC), in key order. */
    ArchiveListing listDay(ListArchivedDayQuery query);

    /** Every archive object of one item between two days (inclusive), oldest day first. */
    ItemArchives findItem(FindArchivedItemQuery query);

    /**
     * One entry, checksum verified.
     *
     * @throws NotAnArchiveObjectException when the key is not an archive object of the table
     * @throws ArchiveEntryNotFoundException when no object exists there
     */
    ArchiveEntry read(ReadArchiveEntryQuery query);

    /**
     * The key of one of the table's items, from its key attributes (exactly those of the table's
     * key schema).
     *
     * @throws IllegalArgumentException naming the attribute that is missing, extra or of the wrong type
     */
    ItemKey keyOf(TableName table, Item keyAttributes);

    /** A day's listing; {@code pageToken} is given as {@code after} to get the next page. */
    record ListArchivedDayQuery(TableName table, LocalDate day, Optional<String> pageToken, int limit) {
        public ListArchivedDayQuery {
            if (table == null || day == null || pageToken == null) {
                throw new IllegalArgumentException("a day listing needs table, day and page token (Optional.empty())");
            }
            if (limit < 1 || limit > 1000) {
                throw new IllegalArgumentException("limit must be between 1 and 1000, was " + limit);
            }
        }
    }

    /** An item's archives between {@code from} and {@code to}, both inclusive. */
    record FindArchivedItemQuery(TableName table, ItemKey key, LocalDate from, LocalDate to) {
        public FindArchivedItemQuery {
            if (table == null || key == null || from == null || to == null) {
                throw new IllegalArgumentException("an item lookup needs table, key, from and to");
            }
            requireDayRange(from, to);
        }
    }

    /** One archive object of a table. */
    record ReadArchiveEntryQuery(TableName table, ObjectKey objectKey) {
        public ReadArchiveEntryQuery {
            if (table == null || objectKey == null) {
                throw new IllegalArgumentException("reading an entry needs the table and the object key");
            }
        }
    }

    /** A page of one day's archive objects. Objects in the prefix that are not ours are left out. */
    record ArchiveListing(TableName table, LocalDate day, List<ArchivedObject> objects, Optional<String> nextPageToken) {
        public ArchiveListing {
            objects = List.copyOf(objects);
        }
    }

    /** An item's archive objects; {@code truncated} when more than {@link #MAX_ITEM_RESULTS} exist. */
    record ItemArchives(TableName table, ItemKey key, List<ArchivedObject> objects, boolean truncated) {
        public ItemArchives {
            objects = List.copyOf(objects);
        }
    }

    /** Checks a range of days: {@code from} not after {@code to}, and at most {@link #MAX_DAYS} days. */
    static void requireDayRange(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("the range " + from + ".." + to + " spans " + days + " days; at most "
                    + MAX_DAYS + " are allowed");
        }
    }
}
