package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.RetentionPolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a policy's archive objects by their keys alone, through the archive's listing: the layout
 * ({@link ArchiveKeys}) makes a day and an item's day each one key prefix.
 */
public final class ArchiveIndex {

    private static final int PAGE = 1000;

    private final ReadArchivePort archive;

    public ArchiveIndex(ReadArchivePort archive) {
        this.archive = archive;
    }

    /** One page of a day's objects; keys in the prefix that are not archive objects are left out. */
    public BrowseArchivesUseCase.ArchiveListing day(RetentionPolicy policy, LocalDate day, Optional<String> pageToken, int limit) {
        String prefix = ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day);
        if (pageToken.isPresent() && !pageToken.get().startsWith(prefix)) {
            throw new IllegalArgumentException("'" + pageToken.get() + "' is not a key of " + day + "'s listing; give the `next` of the page before");
        }
        ReadArchivePort.ArchivePage page = archive.list(policy.destination().bucket(), prefix, pageToken, limit);
        return new BrowseArchivesUseCase.ArchiveListing(policy.table(), day, parse(policy, page.keys()), page.continuationToken());
    }

    /**
     * Visits every archive object of a day in key order (so an item's objects come together),
     * page by page; stops early when the visitor answers false.
     */
    public void eachOfDay(RetentionPolicy policy, LocalDate day, Predicate<ArchivedObject> visitor) {
        eachUnder(policy, ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day), visitor);
    }

    /** Visits every archive object under a key prefix in key order, page by page; stops early when the visitor answers false. */
    public void eachUnder(RetentionPolicy policy, String prefix, Predicate<ArchivedObject> visitor) {
        Optional<String> token = Optional.empty();
        do {
            ReadArchivePort.ArchivePage page = archive.list(policy.destination().bucket(), prefix, token, PAGE);
            for (ArchivedObject object : parse(policy, page.keys())) {
                if (!visitor.test(object)) {
                    return;
                }
            }
            token = page.continuationToken();
        } while (token.isPresent());
    }

    /**
     * The days between {@code from} and {@code to} (inclusive) on which anything of the policy's
     * table was archived, oldest first: found through the year, month and day folders of the
     * layout, so that a search over years of days lists only the days that hold something.
     */
    public List<LocalDate> daysWithArchives(RetentionPolicy policy, LocalDate from, LocalDate to) {
        String table = ArchiveKeys.tablePrefix(policy.destination().prefix(), policy.table());
        List<LocalDate> days = new ArrayList<>();
        for (String year : archive.listFolders(policy.destination().bucket(), table)) {
            Integer y = number(year, table.length());
            if (y == null || y < from.getYear() || y > to.getYear()) {
                continue;
            }
            for (String month : archive.listFolders(policy.destination().bucket(), year)) {
                Integer m = number(month, year.length());
                if (m == null || m < 1 || m > 12 || LocalDate.of(y, m, 1).isAfter(to)
                        || LocalDate.of(y, m, 1).plusMonths(1).isBefore(from.plusDays(1))) {
                    continue;
                }
                for (String dayFolder : archive.listFolders(policy.destination().bucket(), month)) {
                    Integer d = number(dayFolder, month.length());
                    if (d == null || d < 1 || d > LocalDate.of(y, m, 1).lengthOfMonth()) {
                        continue;
                    }
                    LocalDate day = LocalDate.of(y, m, d);
                    if (!day.isBefore(from) && !day.isAfter(to)) {
                        days.add(day);
                    }
                }
            }
        }
        days.sort(null);
        return days;
    }

    private static Integer number(String folder, int start) {
        String segment = folder.substring(start, folder.length() - 1);
        return segment.matches("[0-9]{2,4}") ? Integer.valueOf(segment) : null;
    }

    /** An item's archive objects between two days inclusive, oldest day first, at most {@code max}+1 of them. */
    public List<ArchivedObject> item(RetentionPolicy policy, ItemKey key, LocalDate from, LocalDate to, int max) {
        List<ArchivedObject> found = new ArrayList<>();
        for (LocalDate day : daysWithArchives(policy, from, to)) {
            if (found.size() > max) {
                break;
            }
            String prefix = ArchiveKeys.itemPrefix(policy.destination().prefix(), policy.table(), day, key);
            Optional<String> token = Optional.empty();
            do {
                ReadArchivePort.ArchivePage page = archive.list(policy.destination().bucket(), prefix, token, PAGE);
                found.addAll(parse(policy, page.keys()));
                token = page.continuationToken();
            } while (token.isPresent() && found.size() <= max);
        }
        return found;
    }

    /** Where an object of this policy's archive lives, once its key is known to be one. */
    public static ArchiveLocation locate(RetentionPolicy policy, ObjectKey key) {
        return new ArchiveLocation(policy.destination().bucket(), key);
    }

    /** The object key read back, or empty when it is not an archive object of the policy's table. */
    public static Optional<ArchivedObject> parse(RetentionPolicy policy, ObjectKey key) {
        return ArchiveKeys.parse(policy.destination().prefix(), policy.table(), policy.keySchema(), key);
    }

    private static List<ArchivedObject> parse(RetentionPolicy policy, List<ObjectKey> keys) {
        List<ArchivedObject> objects = new ArrayList<>(keys.size());
        for (ObjectKey key : keys) {
            parse(policy, key).ifPresent(objects::add);
        }
        return objects;
    }
}
