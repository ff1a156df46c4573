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
        String prefix = ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day);
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

    /** An item's archive objects between two days inclusive, oldest day first, at most {@code max}+1 of them. */
    public List<ArchivedObject> item(RetentionPolicy policy, ItemKey key, LocalDate from, LocalDate to, int max) {
        List<ArchivedObject> found = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to) && found.size() <= max; day = day.plusDays(1)) {
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
