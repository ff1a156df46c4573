package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.retrieve.ArchiveIndex;
import dev.lifecycle.domain.table.TableName;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Legal holds and their enforcement. While a hold is active, the live items it covers keep no TTL
 * (the original is kept, and given back at release, unless the item has a TTL again by then), and
 * their archive objects carry an S3 legal hold, so neither DynamoDB's sweeper nor the bucket's
 * lifecycle rule can delete them. Archive objects are swept day by day, over the days that hold
 * archives: a new hold looks back as far as the policy keeps archives, later runs sweep only the
 * days since the last run. Partition-key-prefix holds scan their table for live items on every run.
 */
public final class HoldService implements ManageHoldsUseCase, EnforceHoldsUseCase {

    /** How far back a hold looks for archive objects when the policy never expires them. */
    static final int DEFAULT_LOOKBACK_DAYS = 3650;

    /** Items per page when a prefix hold scans its table for live items. */
    static final int SCAN_PAGE = 100;

    private final LoadPolicyPort policies;
    private final HoldsPort holds;
    private final HeldTtlsPort heldTtls;
    private final LiveItemPort liveItems;
    private final ReadArchivePort archive;
    private final ArchiveIndex index;
    private final ArchiveLegalHoldPort legalHolds;
    private final ScanTablePort scans;
    private final Throttle throttle;
    private final Executor background;
    private final Clock clock;

    public HoldService(LoadPolicyPort policies, HoldsPort holds, HeldTtlsPort heldTtls, LiveItemPort liveItems,
                       ReadArchivePort archive, ArchiveLegalHoldPort legalHolds, ScanTablePort scans, Throttle throttle,
                       Executor background, Clock clock) {
        this.policies = policies;
        this.holds = holds;
        this.heldTtls = heldTtls;
        this.liveItems = liveItems;
        this.archive = archive;
        this.index = new ArchiveIndex(archive);
        this.legalHolds = legalHolds;
        this.scans = scans;
        this.throttle = throttle;
        this.background = background;
        this.clock = clock;
    }

    @Override
    public HoldRecord place(PlaceHoldCommand command) {
        RetentionPolicy policy = policies.findByTable(command.table())
                .orElseThrow(() -> new TableNotGovernedException(command.table()));
        if (command.scope() instanceof HoldScope.SingleItem single) {
            requireKeySchema(policy, single.key());
        }
        LegalHold hold = new LegalHold(command.id(), command.table(), command.scope(), command.reason(), command.actor(),
                clock.instant());
        HoldRecord placed = HoldRecord.placed(hold);
        holds.place(placed, audit(policy, AuditAction.HOLD_PLACED, command.actor(), "hold " + hold.id() + " placed on "
                + describe(hold) + ": " + hold.reason()));
        if (command.scope() instanceof HoldScope.SingleItem) {
            try {
                protectLive(placed, policy);
            } catch (RuntimeException e) {
                // The hold stands; the next enforcement run tries again, and the hold shows why.
                holds.recordProgress(placed.withProblem(Optional.of("live item: " + reason(e))));
            }
        }
        background.execute(this::enforce);
        return holds.find(hold.id()).orElse(placed);
    }

    @Override
    public HoldRecord release(ReleaseHoldCommand command) {
        HoldRecord active = holds.find(command.id()).filter(record -> record.state() == HoldState.ACTIVE)
                .orElseThrow(() -> new HoldNotFoundException(command.id()));
        HoldRecord released = active.released(clock.instant(), command.actor());
        Optional<RetentionPolicy> policy = policies.findByTable(active.hold().table());
        AuditRecord record = new AuditRecord(policy.map(p -> PolicyService.subject(p.id())).orElse("hold/" + command.id()),
                AuditAction.HOLD_RELEASED, command.actor(), released.releasedAt().orElseThrow(),
                "hold " + command.id() + " released from " + describe(active.hold()), List.of());
        holds.release(released, record);
        background.execute(this::enforce);
        return released;
    }

    @Override
    public Optional<HoldRecord> find(HoldId id) {
        return holds.find(id);
    }

    @Override
    public List<HoldRecord> list() {
        return holds.all();
    }

    @Override
    public synchronized EnforcementReport enforce() {
        List<HoldRecord> all = holds.all();
        List<LegalHold> active = all.stream().filter(r -> r.state() == HoldState.ACTIVE).map(HoldRecord::hold).toList();
        Counts counts = new Counts();
        List<String> scanProblems = protectPrefixHolds(active, counts);
        for (HoldRecord record : all) {
            Optional<RetentionPolicy> policy = policies.findByTable(record.hold().table());
            if (policy.isEmpty()) {
                String problem = "no policy governs table '" + record.hold().table() + "': the platform cannot find its TTL"
                        + " attribute or its archive";
                counts.problems.add(record.id() + ": " + problem);
                holds.recordProgress(record.withProblem(Optional.of(problem)));
            } else if (record.state() == HoldState.ACTIVE) {
                enforceActive(record, policy.get(), counts, scanProblems);
            } else {
                cleanUp(record, policy.get(), active, counts);
            }
        }
        return new EnforcementReport(all.size(), counts.ttlsRemoved, counts.ttlsRestored, counts.held, counts.released,
                counts.cleanedUp, counts.problems);
    }

    private void enforceActive(HoldRecord record, RetentionPolicy policy, Counts counts, List<String> scanProblems) {
        List<String> problems = new ArrayList<>();
        HoldRecord updated = record;
        if (record.hold().scope() instanceof HoldScope.SingleItem) {
            try {
                counts.ttlsRemoved += protectLive(record, policy);
            } catch (RuntimeException e) {
                problems.add("live items: " + reason(e));
            }
        } else {
            scanProblems.stream().filter(problem -> problem.startsWith(record.hold().table() + ": "))
                    .forEach(problem -> problems.add("live items: " + problem));
        }
        LocalDate today = today();
        LocalDate from = record.archivesHeldThrough().map(day -> day.plusDays(1)).orElse(firstDay(record.hold(), policy));
        try {
            for (LocalDate day : days(policy, from, today)) {
                eachCovered(record.hold(), policy, day, object -> {
                    pace();
                    legalHolds.setLegalHold(ArchiveIndex.locate(policy, object.objectKey()), true);
                    counts.held++;
                });
                eachCoveredBatch(record.hold(), policy, day, (batch, entries) -> {
                    for (ArchiveLocation location : ArchiveIndex.objectsOf(policy, entries.get(0))) {
                        pace();
                        legalHolds.setLegalHold(location, true);
                        counts.held++;
                    }
                });
            }
            // Today is swept again next time: objects are still being archived today.
            updated = updated.sweptThrough(today.minusDays(1).isBefore(from) ? from.minusDays(1) : today.minusDays(1));
        } catch (RuntimeException e) {
            problems.add("archive objects: " + reason(e));
        }
        problems.forEach(problem -> counts.problems.add(record.id() + ": " + problem));
        holds.recordProgress(updated.withProblem(problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems))));
    }

    /**
     * Scans each table that has active partition-key-prefix holds, once for all of them, and removes
     * the TTL of every item one covers. Returns the problems, each starting with its table's name.
     */
    private List<String> protectPrefixHolds(List<LegalHold> active, Counts counts) {
        List<String> problems = new ArrayList<>();
        java.util.Map<TableName, List<LegalHold>> byTable = new java.util.LinkedHashMap<>();
        active.stream().filter(hold -> hold.scope() instanceof HoldScope.PartitionKeyPrefix)
                .forEach(hold -> byTable.computeIfAbsent(hold.table(), t -> new ArrayList<>()).add(hold));
        byTable.forEach((table, prefixHolds) -> {
            Optional<RetentionPolicy> policy = policies.findByTable(table);
            if (policy.isEmpty()) {
                return;
            }
            try {
                counts.ttlsRemoved += scanAndProtect(table, policy.get(), prefixHolds);
            } catch (RuntimeException e) {
                problems.add(table + ": " + reason(e));
            }
        });
        return problems;
    }

    private int scanAndProtect(TableName table, RetentionPolicy policy, List<LegalHold> prefixHolds) {
        String ttl = policy.ttlAttribute().value();
        List<String> attributes = new ArrayList<>();
        attributes.add(policy.keySchema().partitionKeyName());
        policy.keySchema().sortKeyName().ifPresent(attributes::add);
        attributes.add(ttl);
        int removed = 0;
        Optional<ScanTablePort.Cursor> cursor = Optional.empty();
        do {
            pace();
            ScanTablePort.Page page = scans.scan(new ScanTablePort.PageRequest(table, attributes, SCAN_PAGE, cursor));
            for (Item item : page.items()) {
                ItemKey key = policy.keySchema().keyOf(item);
                Optional<AttributeValue> value = item.get(ttl);
                if (value.isPresent() && prefixHolds.stream().anyMatch(hold -> hold.covers(table, key))) {
                    heldTtls.record(new HeldTtl(table, key, ttl, value.get(), clock.instant()));
                    pace();
                    removed += liveItems.removeAttribute(table, key, ttl, value.get()) ? 1 : 0;
                }
            }
            cursor = page.next();
        } while (cursor.isPresent());
        return removed;
    }

    /** Removes the TTL of the live item a single-item hold covers, keeping the original; 1 when it removed one. */
    private int protectLive(HoldRecord record, RetentionPolicy policy) {
        HoldScope.SingleItem single = (HoldScope.SingleItem) record.hold().scope();
        TableName table = record.hold().table();
        String ttl = policy.ttlAttribute().value();
        pace();
        Optional<AttributeValue> value = liveItems.read(table, single.key()).flatMap(item -> item.get(ttl));
        if (value.isEmpty()) {
            return 0;
        }
        heldTtls.record(new HeldTtl(table, single.key(), ttl, value.get(), clock.instant()));
        pace();
        return liveItems.removeAttribute(table, single.key(), ttl, value.get()) ? 1 : 0;
    }

    private void cleanUp(HoldRecord record, RetentionPolicy policy, List<LegalHold> active, Counts counts) {
        LegalHold hold = record.hold();
        TableName table = hold.table();
        try {
            for (HeldTtl held : heldTtls.all(table)) {
                if (hold.covers(table, held.key()) && active.stream().noneMatch(other -> other.covers(table, held.key()))) {
                    pace();
                    if (liveItems.setAttributeIfAbsent(table, held.key(), held.ttlAttribute(), held.original())) {
                        counts.ttlsRestored++;
                    }
                    heldTtls.forget(table, held.key());
                }
            }
            LocalDate today = today();
            for (LocalDate day : days(policy, firstDay(hold, policy), today)) {
                eachCovered(hold, policy, day, object -> {
                    ItemKey key = keyOf(object, policy);
                    if (active.stream().noneMatch(other -> other.covers(table, key))) {
                        release(List.of(ArchiveIndex.locate(policy, object.objectKey())), counts);
                    }
                });
                // A batch object holds other items too: it stays held while another hold covers any of them.
                eachCoveredBatch(hold, policy, day, (batch, entries) -> {
                    boolean stillHeld = entries.stream().anyMatch(entry -> {
                        ItemKey key = keyOf(entry, policy);
                        return active.stream().anyMatch(other -> other.covers(table, key));
                    });
                    if (!stillHeld) {
                        release(ArchiveIndex.objectsOf(policy, entries.get(0)), counts);
                    }
                });
            }
            holds.remove(hold.id());
            counts.cleanedUp++;
        } catch (RuntimeException e) {
            String problem = "release not finished, tried again next run: " + reason(e);
            counts.problems.add(hold.id() + ": " + problem);
            holds.recordProgress(record.withProblem(Optional.of(problem)));
        }
    }

    private void release(List<ArchiveLocation> locations, Counts counts) {
        for (ArchiveLocation location : locations) {
            pace();
            try {
                legalHolds.setLegalHold(location, false);
                counts.released++;
            } catch (LegalHoldUnsupportedException nothingWasHeld) {
                // A bucket without object lock holds nothing: there is nothing to lift.
            }
        }
    }

    /**
     * The batch objects of one day that hold an entry the hold covers, each with all of its entries
     * (never empty).
     */
    private void eachCoveredBatch(LegalHold hold, RetentionPolicy policy, LocalDate day,
                                  java.util.function.BiConsumer<ArchiveKeys.BatchObject, List<ArchivedObject>> action) {
        List<String> starts = hold.scope() instanceof HoldScope.SingleItem single ? List.of(KeyToken.encode(single.key()))
                : KeyToken.partitionPrefixStarts(((HoldScope.PartitionKeyPrefix) hold.scope()).prefix());
        boolean exact = hold.scope() instanceof HoldScope.SingleItem;
        pace();
        List<java.util.Map.Entry<ArchiveKeys.BatchObject, List<ArchivedObject>>> covered = new ArrayList<>();
        index.eachBatchOfDay(policy, day, (batch, batchIndex) -> {
            List<ArchivedObject> entries = ArchiveIndex.entriesOf(policy, batch, batchIndex);
            boolean covers = entries.stream()
                    .filter(entry -> starts.stream().anyMatch(start -> exact ? entry.keyToken().equals(start) : entry.keyToken().startsWith(start)))
                    .anyMatch(entry -> hold.covers(hold.table(), keyOf(entry, policy)));
            if (covers) {
                covered.add(java.util.Map.entry(batch, entries));
            }
        });
        covered.forEach(entry -> action.accept(entry.getKey(), entry.getValue()));
    }

    /** The archive objects of one day that the hold covers, in key order. */
    private void eachCovered(LegalHold hold, RetentionPolicy policy, LocalDate day, Consumer<ArchivedObject> action) {
        List<String> prefixes = new ArrayList<>();
        if (hold.scope() instanceof HoldScope.SingleItem single) {
            prefixes.add(ArchiveKeys.itemPrefix(policy.destination().prefix(), policy.table(), day, single.key()));
        } else {
            String dayPrefix = ArchiveKeys.dayPrefix(policy.destination().prefix(), policy.table(), day);
            KeyToken.partitionPrefixStarts(((HoldScope.PartitionKeyPrefix) hold.scope()).prefix())
                    .forEach(start -> prefixes.add(dayPrefix + start));
        }
        for (String prefix : prefixes) {
            pace();
            index.eachUnder(policy, prefix, object -> {
                if (hold.covers(hold.table(), keyOf(object, policy))) {
                    action.accept(object);
                }
                return true;
            });
        }
    }

    /** The item key of an archive object: from its name, or, for a shortened name, from the object itself. */
    private ItemKey keyOf(ArchivedObject object, RetentionPolicy policy) {
        if (object.itemKey().isPresent()) {
            return object.itemKey().get();
        }
        pace();
        return index.read(policy, object).map(ArchiveEntry::key)
                .orElseThrow(() -> new IllegalStateException("archive object " + object.objectKey() + " vanished while it was read"));
    }

    /** The days in the range that hold archive objects of the policy's table; none when the range is empty. */
    private List<LocalDate> days(RetentionPolicy policy, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        pace();
        return index.daysWithArchives(policy, from, to);
    }

    private LocalDate firstDay(LegalHold hold, RetentionPolicy policy) {
        int lookback = policy.archiveExpiryDays().orElse(DEFAULT_LOOKBACK_DAYS);
        return LocalDate.ofInstant(hold.placedAt(), ZoneOffset.UTC).minusDays(lookback);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private void pace() {
        throttle.pace();
    }

    private static void requireKeySchema(RetentionPolicy policy, ItemKey key) {
        ItemKey schemaKey = policy.keySchema().keyOf(new Item(key.asAttributes()));
        if (!schemaKey.equals(key) || key.asAttributes().size() != schemaKey.asAttributes().size()) {
            throw new IllegalArgumentException("the key " + key.asAttributes().keySet() + " is not the table's key "
                    + schemaKey.asAttributes().keySet());
        }
    }

    private AuditRecord audit(RetentionPolicy policy, AuditAction action, String actor, String summary) {
        return new AuditRecord(PolicyService.subject(policy.id()), action, actor, clock.instant(), summary, List.of());
    }

    private static String describe(LegalHold hold) {
        return hold.scope() instanceof HoldScope.SingleItem single
                ? "item " + single.key().asAttributes() + " of table " + hold.table()
                : "items of table " + hold.table() + " whose partition key starts with '"
                        + ((HoldScope.PartitionKeyPrefix) hold.scope()).prefix() + "'";
    }

    private static String reason(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** What one run counts. */
    private static final class Counts {
        int ttlsRemoved;
        int ttlsRestored;
        int held;
        int released;
        int cleanedUp;
        final List<String> problems = new ArrayList<>();
    }
}
