package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.retrieve.ArchiveIndex;
import dev.lifecycle.domain.retrieve.NotAnArchiveObjectException;
import dev.lifecycle.domain.table.TableConfigurationPort;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Restores archived items as jobs. Each item is read from the target table first and written
 * back only on condition that no item with its key exists ({@link RestoreRules}), at the pace of
 * the throttle, so that a large restore never starves the table. Of several archives of one item,
 * the latest (by deletion day, then sequence number) is restored and the others are superseded.
 */
public final class RestoreService implements RestoreArchivedItemsUseCase {

    /** Progress is saved after this many outcomes, and when the job ends. */
    static final int SAVE_EVERY = 25;

    private final LoadPolicyPort policies;
    private final TableConfigurationPort tables;
    private final ReadArchivePort archive;
    private final ArchiveIndex index;
    private final LiveItemPort liveItems;
    private final RestoreJobsPort jobs;
    private final AuditLogPort audit;
    private final Throttle throttle;
    private final Executor executor;
    private final Clock clock;
    private final Supplier<RestoreJobId> ids;

    public RestoreService(LoadPolicyPort policies, TableConfigurationPort tables, ReadArchivePort archive, LiveItemPort liveItems,
                          RestoreJobsPort jobs, AuditLogPort audit, Throttle throttle, Executor executor, Clock clock,
                          Supplier<RestoreJobId> ids) {
        this.policies = policies;
        this.tables = tables;
        this.archive = archive;
        this.index = new ArchiveIndex(archive);
        this.liveItems = liveItems;
        this.jobs = jobs;
        this.audit = audit;
        this.throttle = throttle;
        this.executor = executor;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public RestoreJob start(RestoreCommand command) {
        RetentionPolicy policy = policies.findByTable(command.table())
                .orElseThrow(() -> new TableNotGovernedException(command.table()));
        TableSettings target = tables.describe(command.targetTable());
        if (!target.keySchema().equals(policy.keySchema())) {
            throw new RestoreTargetMismatchException(command.targetTable(), policy.keySchema(), target.keySchema());
        }
        if (command.selection() instanceof RestoreSelection.ArchiveObjects objects) {
            for (ObjectKey key : objects.objectKeys()) {
                if (ArchiveIndex.parse(policy, key).isEmpty()) {
                    throw new NotAnArchiveObjectException(command.table(), key,
                            ArchiveKeys.tablePrefix(policy.destination().prefix(), policy.table()));
                }
            }
        }
        RestoreJob job = RestoreJob.queued(ids.get(), command, policy.id(), clock.instant());
        jobs.save(job);
        if (!command.dryRun()) {
            audit.append(new AuditRecord(PolicyService.subject(policy.id()), AuditAction.RESTORE_REQUESTED, command.actor(),
                    job.createdAt(), "restore job " + job.id() + ": " + describe(command), List.of()));
        }
        Run run = new Run(job, policy);
        try {
            executor.execute(run::run);
        } catch (RejectedExecutionException stopping) {
            run.finish(RestoreJobState.ABORTED, Optional.of("the admin API is stopping and accepts no more jobs"));
        }
        return jobs.find(job.id()).orElse(job);
    }

    @Override
    public Optional<RestoreJob> job(RestoreJobId id) {
        return jobs.find(id);
    }

    @Override
    public List<RestoreJob> recent(int limit) {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100, was " + limit);
        }
        return jobs.recent(limit);
    }

    private static String describe(RestoreCommand command) {
        String what;
        if (command.selection() instanceof RestoreSelection.ArchiveObjects objects) {
            what = objects.objectKeys().size() + " archive object(s)";
        } else if (command.selection() instanceof RestoreSelection.ItemKeys keys) {
            what = keys.keys().size() + " key(s) archived " + keys.from() + ".." + keys.to();
        } else {
            RestoreSelection.DeletedBetween range = (RestoreSelection.DeletedBetween) command.selection();
            what = "everything deleted in [" + range.from() + ", " + range.to() + ")";
        }
        return what + " of table " + command.table() + " into " + command.targetTable() + ", TTL " + command.ttl()
                + (command.dryRun() ? " (dry run)" : "");
    }

    /** One job's run: its progress, saved as it goes. */
    private final class Run {

        private final RetentionPolicy policy;
        private final RestoreCommand command;
        private final TableName target;
        private RestoreJob job;
        private RestoreCounts counts = RestoreCounts.none();
        private final List<ItemOutcome> kept = new ArrayList<>();
        private long dropped;
        private int sinceSave;

        Run(RestoreJob job, RetentionPolicy policy) {
            this.job = job;
            this.policy = policy;
            this.command = job.command();
            this.target = command.targetTable();
        }

        void run() {
            job = snapshot(RestoreJobState.RUNNING, Optional.of(clock.instant()), Optional.empty(), Optional.empty());
            jobs.save(job);
            try {
                RestoreSelection selection = command.selection();
                if (selection instanceof RestoreSelection.ArchiveObjects objects) {
                    objects.objectKeys().forEach(this::restoreObject);
                } else if (selection instanceof RestoreSelection.ItemKeys keys) {
                    keys.keys().forEach(key -> restoreLatest(key, keys.from(), keys.to()));
                } else {
                    restoreRange((RestoreSelection.DeletedBetween) selection);
                }
                finish(RestoreJobState.COMPLETED, Optional.empty());
            } catch (RuntimeException e) {
                finish(RestoreJobState.ABORTED, Optional.of(reason(e)));
            }
        }

        private void restoreObject(ObjectKey key) {
            ArchivedObject object = ArchiveIndex.parse(policy, key).orElseThrow();
            read(object, "no archive object exists at this key").ifPresent(entry -> restore(entry, key));
        }

        private void restoreLatest(ItemKey key, LocalDate from, LocalDate to) {
            List<ArchivedObject> found = new ArrayList<>(index.item(policy, key, from, to, Integer.MAX_VALUE - 1));
            if (found.isEmpty()) {
                record(new ItemOutcome.Skipped(Optional.of(key), Optional.empty(), RestoreSkipReason.NOT_ARCHIVED,
                        "nothing is archived for this key between " + from + " and " + to));
                return;
            }
            found.sort(LATEST_FIRST);
            restoreObject(found.get(0).objectKey());
            for (ArchivedObject older : found.subList(1, found.size())) {
                superseded(older, key);
            }
        }

        private void restoreRange(RestoreSelection.DeletedBetween range) {
            LocalDate first = LocalDate.ofInstant(range.from(), ZoneOffset.UTC);
            LocalDate last = LocalDate.ofInstant(range.to().minusNanos(1), ZoneOffset.UTC);
            Set<String> seen = new HashSet<>();
            // Newest day first, so that an item deleted on several days is restored from its latest archive.
            List<LocalDate> days = new ArrayList<>(index.daysWithArchives(policy, first, last));
            java.util.Collections.reverse(days);
            for (LocalDate day : days) {
                boolean wholeDay = !range.from().isAfter(day.atStartOfDay().toInstant(ZoneOffset.UTC))
                        && !range.to().isBefore(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
                List<ArchivedObject> group = new ArrayList<>();
                index.eachOfDay(policy, day, object -> {
                    if (!group.isEmpty() && !group.get(0).keyToken().equals(object.keyToken())) {
                        restoreGroup(group, range, wholeDay, seen);
                        group.clear();
                    }
                    group.add(object);
                    return true;
                });
                if (!group.isEmpty()) {
                    restoreGroup(group, range, wholeDay, seen);
                }
            }
        }

        /** One item's objects of one day: the latest one deleted within the range is restored, unless a later day had one. */
        private void restoreGroup(List<ArchivedObject> group, RestoreSelection.DeletedBetween range, boolean wholeDay,
                                  Set<String> seen) {
            List<ArchivedObject> sorted = new ArrayList<>(group);
            sorted.sort(LATEST_FIRST);
            for (ArchivedObject object : sorted) {
                Optional<ArchiveEntry> entry = read(object, "the object was listed but is gone");
                if (entry.isEmpty()) {
                    continue;
                }
                Instant deletedAt = entry.get().deletedAt();
                if (!wholeDay && (deletedAt.isBefore(range.from()) || !deletedAt.isBefore(range.to()))) {
                    continue;
                }
                if (seen.add(object.keyToken())) {
                    restore(entry.get(), object.objectKey());
                } else {
                    superseded(object, entry.get().key());
                }
            }
        }

        private void superseded(ArchivedObject object, ItemKey key) {
            record(new ItemOutcome.Skipped(Optional.of(key), Optional.of(object.objectKey()), RestoreSkipReason.SUPERSEDED,
                    "a later archive of this item was restored instead"));
        }

        /** The entry; empty when it is missing or unreadable, which is then recorded as the item's outcome. */
        private Optional<ArchiveEntry> read(ArchivedObject object, String whenMissing) {
            Optional<ArchiveEntry> entry;
            try {
                entry = index.read(policy, object);
            } catch (RuntimeException e) {
                record(new ItemOutcome.Failed(object.itemKey(), Optional.of(object.objectKey()), "reading the archive failed: " + reason(e)));
                return Optional.empty();
            }
            if (entry.isEmpty()) {
                record(new ItemOutcome.Skipped(object.itemKey(), Optional.of(object.objectKey()), RestoreSkipReason.NOT_ARCHIVED,
                        whenMissing));
            }
            return entry;
        }

        private void restore(ArchiveEntry entry, ObjectKey objectKey) {
            throttle.pace();
            Optional<ItemKey> key = Optional.of(entry.key());
            try {
                Optional<Item> live = liveItems.read(target, entry.key());
                RestorePlan plan = RestoreRules.plan(entry, live, target, policy, command.ttl(), clock.instant());
                if (plan instanceof RestorePlan.Skip skip) {
                    record(new ItemOutcome.Skipped(key, Optional.of(objectKey), RestoreSkipReason.of(skip.reason()), skip.detail()));
                } else if (command.dryRun()) {
                    record(new ItemOutcome.WouldRestore(entry.key(), objectKey));
                } else {
                    RestorePlan.Put put = (RestorePlan.Put) plan;
                    LiveItemPort.PutOutcome written = liveItems.putIfAbsent(put.table(), put.key(), put.item());
                    record(written == LiveItemPort.PutOutcome.WRITTEN
                            ? new ItemOutcome.Restored(entry.key(), objectKey)
                            : new ItemOutcome.Skipped(key, Optional.of(objectKey), RestoreSkipReason.NEWER_LIVE_ITEM,
                                    "an item with this key was written while the restore ran"));
                }
            } catch (RuntimeException e) {
                record(new ItemOutcome.Failed(key, Optional.of(objectKey), reason(e)));
            }
        }

        private void record(ItemOutcome outcome) {
            counts = counts.plus(outcome);
            if (kept.size() < RestoreJob.MAX_KEPT_OUTCOMES) {
                kept.add(outcome);
            } else {
                dropped++;
            }
            if (++sinceSave >= SAVE_EVERY) {
                sinceSave = 0;
                job = snapshot(job.state(), job.startedAt(), Optional.empty(), Optional.empty());
                jobs.save(job);
            }
        }

        void finish(RestoreJobState state, Optional<String> abortReason) {
            Instant now = clock.instant();
            job = snapshot(state, job.startedAt().or(() -> Optional.of(now)), Optional.of(now), abortReason);
            jobs.save(job);
            if (!command.dryRun()) {
                audit.append(new AuditRecord(PolicyService.subject(policy.id()), AuditAction.ITEMS_RESTORED, command.actor(), now,
                        "restore job " + job.id() + " into " + target + " " + state + ": " + counts
                                + abortReason.map(r -> "; " + r).orElse(""), List.of()));
            }
        }

        private RestoreJob snapshot(RestoreJobState state, Optional<Instant> startedAt, Optional<Instant> finishedAt,
                                    Optional<String> abortReason) {
            return new RestoreJob(job.id(), command, policy.id(), state, job.createdAt(), startedAt, finishedAt, counts, kept,
                    dropped, abortReason);
        }
    }

    private static final Comparator<ArchivedObject> LATEST_FIRST = Comparator.comparing(ArchivedObject::day)
            .thenComparing(ArchivedObject::sequenceNumber).reversed();

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
