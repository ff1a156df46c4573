package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.BatchIndex;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds a policy's archive entries: per-item objects by their keys alone, through the archive's
 * listing (the layout, {@link ArchiveKeys}, makes a day and an item's day each one key prefix);
 * entries of batch objects through the batches' indexes, which sit beside them in the day.
 */
public final class ArchiveIndex {

    private static final int PAGE = 1000;

    private static final int CACHED_INDEXES = 32;

    private final ReadArchivePort archive;
    private final Map<ArchiveLocation, BatchIndex> indexes = new LinkedHashMap<>(CACHED_INDEXES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ArchiveLocation, BatchIndex> eldest) {
            return size() > CACHED_INDEXES;
        }
    };

    public ArchiveIndex(ReadArchivePort archive) {
        this.archive = archive;
    }

    /**
     * One page of a day's entries: its per-item objects in key order, then the entries of its batch
     * objects, batch by batch in key order and in sequence-number order within one. Keys in the
     * prefix that are not archive objects are left out; so are batch objects without an index (a
     * write that failed half-way: its records were retried and stored again).
     */
    public BrowseArchivesUseCase.ArchiveListing day(RetentionPolicy policy, LocalDate day, Optional<String> pageToken, int limit) {
        String prefix = ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day);
        if (pageToken.isPresent() && !pageToken.get().startsWith(prefix)) {
            throw new IllegalArgumentException("'" + pageToken.get() + "' is not a key of " + day + "'s listing; give the `next` of the page before");
        }
        List<ArchivedObject> page = new ArrayList<>(limit + 1);
        eachOfDayInOrder(policy, day, pageToken, object -> {
            page.add(object);
            return page.size() <= limit;
        });
        boolean more = page.size() > limit;
        List<ArchivedObject> shown = more ? page.subList(0, limit) : page;
        return new BrowseArchivesUseCase.ArchiveListing(policy.table(), day, shown,
                more ? Optional.of(shown.get(shown.size() - 1).objectKey().value()) : Optional.empty());
    }

    /**
     * Visits every entry stored on a day as stored, in listing order: an entry that a partly
     * retried batch stored in two batch objects is visited twice, as it was written twice. What a
     * ledger of writes is checked against.
     */
    public void eachStoredOfDay(RetentionPolicy policy, LocalDate day, Predicate<ArchivedObject> visitor) {
        eachOfDayInOrder(policy, day, Optional.empty(), visitor);
    }

    /**
     * Visits a day's entries in listing order (see {@link #day}), starting after the entry named
     * {@code after}; stops when the visitor answers false.
     */
    private void eachOfDayInOrder(RetentionPolicy policy, LocalDate day, Optional<String> after, Predicate<ArchivedObject> visitor) {
        String batches = ArchiveKeys.batchesPrefix(policy.destination().prefix(), policy.table(), day);
        Optional<ObjectKey> afterBatch = after.flatMap(token -> ArchiveKeys.batchOf(new ObjectKey(token)));
        if (afterBatch.isEmpty()) {
            boolean[] stopped = {false};
            boolean[] reachedBatches = {false};
            eachKey(policy, ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day), after, key -> {
                if (key.value().startsWith(batches)) {
                    reachedBatches[0] = true;
                    return false;
                }
                Optional<ArchivedObject> object = parse(policy, key);
                if (object.isPresent() && !visitor.test(object.get())) {
                    stopped[0] = true;
                    return false;
                }
                return true;
            });
            if (stopped[0]) {
                return;
            }
        }
        // Resume inside the batch of the page token: its keys all start with its name without the extension.
        Optional<String> startAfter = afterBatch.map(batch -> batch.value().substring(0,
                batch.value().length() - ArchiveKeys.BATCH_EXTENSION.length()));
        Optional<SequenceNumber> afterSequence = after.filter(token -> afterBatch.isPresent())
                .flatMap(token -> parse(policy, new ObjectKey(token))).map(ArchivedObject::sequenceNumber);
        eachKey(policy, batches, startAfter, key -> {
            Optional<ArchiveKeys.BatchObject> batch = indexKey(policy, key);
            if (batch.isEmpty()) {
                return true;
            }
            Optional<BatchIndex> index = batchIndex(policy, batch.get());
            if (index.isEmpty()) {
                return true;
            }
            boolean resuming = afterBatch.isPresent() && afterBatch.get().equals(batch.get().data());
            for (BatchIndex.Entry entry : index.get().entries()) {
                if (resuming && afterSequence.isPresent() && entry.sequenceNumber().compareTo(afterSequence.get()) <= 0) {
                    continue;
                }
                Optional<ArchivedObject> object = entryOf(policy, batch.get(), entry);
                if (object.isPresent() && !visitor.test(object.get())) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Every key under a prefix, after {@code after}, in key order, page by page; stops when the visitor answers false. */
    private void eachKey(RetentionPolicy policy, String prefix, Optional<String> after, Predicate<ObjectKey> visitor) {
        Optional<String> token = after;
        do {
            ReadArchivePort.ArchivePage page = archive.list(policy.destination().bucket(), prefix, token, PAGE);
            for (ObjectKey key : page.keys()) {
                if (!visitor.test(key)) {
                    return;
                }
            }
            token = page.continuationToken();
        } while (token.isPresent());
    }

    /** The batch object whose index this key is; empty for any other key. */
    private static Optional<ArchiveKeys.BatchObject> indexKey(RetentionPolicy policy, ObjectKey key) {
        if (!key.value().endsWith(ArchiveKeys.BATCH_INDEX_EXTENSION)) {
            return Optional.empty();
        }
        return ArchiveKeys.parseBatch(policy.destination().prefix(), policy.table(), ArchiveKeys.batchOfIndex(key));
    }

    /** An index entry as the archived object it names; empty when the index names it in a way the layout never writes. */
    private static Optional<ArchivedObject> entryOf(RetentionPolicy policy, ArchiveKeys.BatchObject batch, BatchIndex.Entry entry) {
        ObjectKey name;
        try {
            name = new ObjectKey(batch.data().value() + ArchiveKeys.ENTRY_SEPARATOR + entry.keyToken() + "/"
                    + entry.sequenceNumber().canonical());
        } catch (IllegalArgumentException tooLong) {
            return Optional.empty();
        }
        return parse(policy, name);
    }

    /**
     * A batch's index, from a small cache: indexes never change once written, and a restore or a
     * listing reads many entries of the same few batches.
     */
    private Optional<BatchIndex> batchIndex(RetentionPolicy policy, ArchiveKeys.BatchObject batch) {
        ArchiveLocation location = new ArchiveLocation(policy.destination().bucket(), batch.index());
        synchronized (indexes) {
            BatchIndex cached = indexes.get(location);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        Optional<BatchIndex> index = archive.readBatchIndex(location);
        index.ifPresent(read -> {
            synchronized (indexes) {
                indexes.put(location, read);
            }
        });
        return index;
    }

    /**
     * The entry an archived object names, checksum verified: a per-item object is read whole; a
     * batch entry is found in its batch's index and read from its block alone. Empty when the
     * object, the batch or its index is gone, or the index does not list the entry.
     */
    public Optional<ArchiveEntry> read(RetentionPolicy policy, ArchivedObject object) {
        Optional<ObjectKey> batchKey = ArchiveKeys.batchOf(object.objectKey());
        if (batchKey.isEmpty()) {
            return archive.read(locate(policy, object.objectKey()));
        }
        Optional<ArchiveKeys.BatchObject> batch = ArchiveKeys.parseBatch(policy.destination().prefix(), policy.table(), batchKey.get());
        if (batch.isEmpty()) {
            return Optional.empty();
        }
        Optional<BatchIndex.Entry> entry = batchIndex(policy, batch.get()).flatMap(index -> index.entries().stream()
                .filter(e -> e.sequenceNumber().equals(object.sequenceNumber()) && e.keyToken().equals(object.keyToken()))
                .findFirst());
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Optional<ArchiveEntry> read = archive.readBatchEntry(new ArchiveLocation(policy.destination().bucket(), batchKey.get()),
                entry.get().slot());
        read.ifPresent(found -> {
            if (!found.sequenceNumber().equals(object.sequenceNumber()) || !found.contentSha256().equals(entry.get().contentSha256())) {
                throw new IllegalStateException("the index of " + batchKey.get() + " puts record " + object.sequenceNumber()
                        + " in a slot that holds record " + found.sequenceNumber() + " (content " + found.contentSha256()
                        + "): the index does not describe its object");
            }
        });
        return read;
    }

    /**
     * The S3 objects that keep an archived entry: the object itself, or its batch object and the
     * batch's index (a legal hold must keep both, or the entry would outlive the way to find it).
     */
    public static List<ArchiveLocation> objectsOf(RetentionPolicy policy, ArchivedObject object) {
        Optional<ObjectKey> batch = ArchiveKeys.batchOf(object.objectKey());
        if (batch.isEmpty()) {
            return List.of(locate(policy, object.objectKey()));
        }
        return List.of(locate(policy, batch.get()), locate(policy, ArchiveKeys.indexOf(batch.get())));
    }

    /** The batches of a day, each with its index, in key order; batch objects without an index are left out. */
    public void eachBatchOfDay(RetentionPolicy policy, LocalDate day, java.util.function.BiConsumer<ArchiveKeys.BatchObject, BatchIndex> visitor) {
        eachKey(policy, ArchiveKeys.batchesPrefix(policy.destination().prefix(), policy.table(), day), Optional.empty(), key -> {
            indexKey(policy, key).ifPresent(batch -> batchIndex(policy, batch).ifPresent(index -> visitor.accept(batch, index)));
            return true;
        });
    }

    /** A batch's entries as archived objects. */
    public static List<ArchivedObject> entriesOf(RetentionPolicy policy, ArchiveKeys.BatchObject batch, BatchIndex index) {
        List<ArchivedObject> entries = new ArrayList<>(index.entries().size());
        for (BatchIndex.Entry entry : index.entries()) {
            entryOf(policy, batch, entry).ifPresent(entries::add);
        }
        return entries;
    }

    /**
     * Visits every archive entry of a day once, an item's entries together (in key order when the
     * day has per-item objects only), page by page; stops early when the visitor answers false. An
     * entry stored twice (a batch retried with other records, so under another batch key) is
     * visited once. A day with batch objects is gathered in memory first, to bring an item's
     * entries from different batches together.
     */
    public void eachOfDay(RetentionPolicy policy, LocalDate day, Predicate<ArchivedObject> visitor) {
        String batches = ArchiveKeys.batchesPrefix(policy.destination().prefix(), policy.table(), day);
        if (archive.list(policy.destination().bucket(), batches, Optional.empty(), 1).keys().isEmpty()) {
            eachUnder(policy, ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day), visitor);
            return;
        }
        Map<SequenceNumber, ArchivedObject> distinct = new HashMap<>();
        eachOfDayInOrder(policy, day, Optional.empty(), object -> {
            distinct.putIfAbsent(object.sequenceNumber(), object);
            return true;
        });
        List<ArchivedObject> all = new ArrayList<>(distinct.values());
        all.sort(Comparator.comparing(ArchivedObject::keyToken).thenComparing(ArchivedObject::sequenceNumber));
        for (ArchivedObject object : all) {
            if (!visitor.test(object)) {
                return;
            }
        }
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

    /**
     * An item's archive entries between two days inclusive, oldest day first, at most {@code max}+1
     * of them: its per-item objects, and its entries in the days' batch indexes (each entry once).
     */
    public List<ArchivedObject> item(RetentionPolicy policy, ItemKey key, LocalDate from, LocalDate to, int max) {
        List<ArchivedObject> found = new ArrayList<>();
        String token = KeyToken.encode(key);
        for (LocalDate day : daysWithArchives(policy, from, to)) {
            if (found.size() > max) {
                break;
            }
            String prefix = ArchiveKeys.itemPrefix(policy.destination().prefix(), policy.table(), day, key);
            Optional<String> page = Optional.empty();
            do {
                ReadArchivePort.ArchivePage listed = archive.list(policy.destination().bucket(), prefix, page, PAGE);
                found.addAll(parse(policy, listed.keys()));
                page = listed.continuationToken();
            } while (page.isPresent() && found.size() <= max);
            java.util.Set<SequenceNumber> seen = new java.util.HashSet<>();
            eachBatchOfDay(policy, day, (batch, index) -> {
                for (BatchIndex.Entry entry : index.entries()) {
                    if (entry.keyToken().equals(token) && found.size() <= max && seen.add(entry.sequenceNumber())) {
                        entryOf(policy, batch, entry).ifPresent(found::add);
                    }
                }
            });
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
