package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;

/** What a restore puts back: chosen archive objects, the latest archive of chosen items, or everything deleted in a time range. */
public sealed interface RestoreSelection {

    /** The most objects or keys one restore may name (a range has no such limit). */
    int MAX_LISTED = 1000;

    /** Exactly these archive objects (as listed by browsing). */
    record ArchiveObjects(List<ObjectKey> objectKeys) implements RestoreSelection {
        public ArchiveObjects {
            objectKeys = List.copyOf(new LinkedHashSet<>(requireListed(objectKeys, "objects")));
        }
    }

    /** For each key, its latest archive between two days (inclusive). */
    record ItemKeys(List<ItemKey> keys, LocalDate from, LocalDate to) implements RestoreSelection {
        public ItemKeys {
            keys = List.copyOf(new LinkedHashSet<>(requireListed(keys, "keys")));
            if (from == null || to == null) {
                throw new IllegalArgumentException("a restore by key needs the days to search, from and to");
            }
            BrowseArchivesUseCase.requireDayRange(from, to);
        }
    }

    /** For each item deleted in [{@code from}, {@code to}), its latest archive in that range. */
    record DeletedBetween(Instant from, Instant to) implements RestoreSelection {
        public DeletedBetween {
            if (from == null || to == null) {
                throw new IllegalArgumentException("a restore by time range needs from and to");
            }
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("deletedFrom " + from + " must be before deletedTo " + to);
            }
            if (Duration.between(from, to).compareTo(Duration.ofDays(BrowseArchivesUseCase.MAX_DAYS)) > 0) {
                throw new IllegalArgumentException("a restore range may span at most " + BrowseArchivesUseCase.MAX_DAYS
                        + " days; " + from + ".." + to + " is longer");
            }
        }
    }

    private static <T> List<T> requireListed(List<T> values, String field) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(field + " must name at least one");
        }
        if (values.size() > MAX_LISTED) {
            throw new IllegalArgumentException(field + " names " + values.size() + "; at most " + MAX_LISTED
                    + " per restore (restore a time range for more)");
        }
        if (values.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException(field + " must not contain null");
        }
        return values;
    }
}
