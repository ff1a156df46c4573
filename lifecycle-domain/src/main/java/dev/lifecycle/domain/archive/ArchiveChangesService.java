package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.policy.ArchiveLayout;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Archives a batch: one policy lookup, one decision per record, writes run on the given executor
 * (a bounded pool makes them concurrent). Every record ends as exactly one outcome, and nothing
 * fails silently. Per item, anything that goes wrong with a record fails that record alone;
 * batched, the records of one (day, cause) partition are written as one object and succeed or fail
 * together, so that a retry writes them again as a whole.
 */
public final class ArchiveChangesService implements ArchiveChangesUseCase {

    private final LoadPolicyPort policies;
    private final StoreArchivePort store;
    private final Executor executor;

    public ArchiveChangesService(LoadPolicyPort policies, StoreArchivePort store, Executor executor) {
        this.policies = policies;
        this.store = store;
        this.executor = executor;
    }

    /** A service that writes one record after the other on the calling thread. */
    public static ArchiveChangesService sequential(LoadPolicyPort policies, StoreArchivePort store) {
        return new ArchiveChangesService(policies, store, Runnable::run);
    }

    @Override
    public BatchResult archive(ArchiveChangesCommand command) {
        Optional<RetentionPolicy> policy;
        try {
            policy = policies.findByTable(command.table());
        } catch (DependencyFailureException e) {
            return failAll(command, e.retryable(), "policy lookup for table '" + command.table() + "' failed: " + e.getMessage());
        } catch (RuntimeException e) {
            return failAll(command, true, "policy lookup for table '" + command.table() + "' failed: " + e);
        }
        if (policy.isEmpty()) {
            return failAll(command, false, "no policy governs table '" + command.table() + "'");
        }
        if (policy.get().destination().layout() == ArchiveLayout.BATCHED) {
            return archiveBatched(command, policy.get());
        }
        List<CompletableFuture<RecordOutcome>> pending = new ArrayList<>(command.records().size());
        for (IncomingRecord incoming : command.records()) {
            pending.add(CompletableFuture.supplyAsync(() -> archiveOne(incoming, policy.get()), executor)
                    .exceptionally(e -> new RecordOutcome.Failed(incoming.sequenceNumber(), true,
                            "unexpected error: " + e)));
        }
        List<RecordOutcome> outcomes = new ArrayList<>(pending.size());
        for (CompletableFuture<RecordOutcome> future : pending) {
            outcomes.add(future.join());
        }
        return new BatchResult(outcomes);
    }

    private RecordOutcome archiveOne(IncomingRecord incoming, RetentionPolicy policy) {
        Decided decided = decide(incoming, policy);
        if (decided.outcome() != null) {
            return decided.outcome();
        }
        ArchivalDecision.Archive archive = decided.archive();
        ChangeRecord record = ((IncomingRecord.Decoded) incoming).record();
        StoreOutcome outcome;
        try {
            outcome = store.store(archive);
        } catch (DependencyFailureException e) {
            return new RecordOutcome.Failed(record.sequenceNumber(), e.retryable(), e.getMessage());
        } catch (RuntimeException e) {
            return new RecordOutcome.Failed(record.sequenceNumber(), true, "archive store threw: " + e);
        }
        if (outcome instanceof StoreOutcome.Failed failed) {
            return new RecordOutcome.Failed(record.sequenceNumber(), failed.retryable(), failed.reason());
        }
        return new RecordOutcome.Archived(record.sequenceNumber(), archive.location(),
                outcome instanceof StoreOutcome.AlreadyStored);
    }

    /** A record's outcome when it is settled without a write, or the archive decision to write. */
    private record Decided(RecordOutcome outcome, ArchivalDecision.Archive archive) {
    }

    private static Decided decide(IncomingRecord incoming, RetentionPolicy policy) {
        if (incoming instanceof IncomingRecord.Undecodable undecodable) {
            return new Decided(new RecordOutcome.Failed(undecodable.sequenceNumber(), false, "undecodable: " + undecodable.reason()), null);
        }
        ChangeRecord record = ((IncomingRecord.Decoded) incoming).record();
        ArchivalDecision decision;
        try {
            decision = ArchivalRules.decide(record, policy);
        } catch (RecordPolicyMismatchException | IllegalArgumentException e) {
            return new Decided(new RecordOutcome.Failed(record.sequenceNumber(), false, e.getMessage()), null);
        }
        if (decision instanceof ArchivalDecision.Skip skip) {
            return new Decided(new RecordOutcome.Skipped(record.sequenceNumber(), skip.reason()), null);
        }
        return new Decided(null, (ArchivalDecision.Archive) decision);
    }

    /** The partition of a batched archive: one object per UTC day and cause. */
    private record Partition(LocalDate day, DeletionCause cause) {
    }

    /**
     * Decides every record, groups what is archived by (day, cause), writes each group as one
     * batch object (at most {@link ArchiveBatch#MAX_ENTRIES} entries each) and gives each record
     * the outcome of its group. A record that repeats a sequence number of the batch shares the
     * first one's outcome when its content is the same, and fails when it differs.
     */
    private BatchResult archiveBatched(ArchiveChangesCommand command, RetentionPolicy policy) {
        List<IncomingRecord> records = command.records();
        RecordOutcome[] outcomes = new RecordOutcome[records.size()];
        Map<Partition, List<Integer>> partitions = new LinkedHashMap<>();
        Map<SequenceNumber, Integer> firstWithSequence = new HashMap<>();
        List<ArchivalDecision.Archive> archives = new ArrayList<>(Collections.nCopies(records.size(), null));
        List<int[]> repeats = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Decided decided;
            try {
                decided = decide(records.get(i), policy);
            } catch (RuntimeException e) {
                decided = new Decided(new RecordOutcome.Failed(records.get(i).sequenceNumber(), true, "unexpected error: " + e), null);
            }
            if (decided.outcome() != null) {
                outcomes[i] = decided.outcome();
                continue;
            }
            ArchiveEntry entry = decided.archive().entry();
            Integer first = firstWithSequence.putIfAbsent(entry.sequenceNumber(), i);
            if (first != null) {
                repeats.add(new int[] {i, first});
                archives.set(i, decided.archive());
                continue;
            }
            archives.set(i, decided.archive());
            partitions.computeIfAbsent(new Partition(ArchiveKeys.utcDay(entry.deletedAt()), entry.cause()), p -> new ArrayList<>()).add(i);
        }
        List<CompletableFuture<Void>> writes = new ArrayList<>();
        for (List<Integer> members : partitions.values()) {
            for (int from = 0; from < members.size(); from += ArchiveBatch.MAX_ENTRIES) {
                List<Integer> chunk = members.subList(from, Math.min(members.size(), from + ArchiveBatch.MAX_ENTRIES));
                writes.add(CompletableFuture.runAsync(() -> storeBatch(policy, chunk, archives, outcomes), executor)
                        .exceptionally(e -> {
                            chunk.forEach(i -> outcomes[i] = new RecordOutcome.Failed(records.get(i).sequenceNumber(), true,
                                    "unexpected error: " + e));
                            return null;
                        }));
            }
        }
        writes.forEach(CompletableFuture::join);
        for (int[] repeat : repeats) {
            int i = repeat[0];
            RecordOutcome firstOutcome = outcomes[repeat[1]];
            String sha = archives.get(i).entry().contentSha256();
            outcomes[i] = !sha.equals(archives.get(repeat[1]).entry().contentSha256())
                    ? new RecordOutcome.Failed(records.get(i).sequenceNumber(), false, "another record of this batch has sequence number "
                            + records.get(i).sequenceNumber() + " and different content; only the first is archived")
                    : firstOutcome;
        }
        return new BatchResult(List.of(outcomes));
    }

    private void storeBatch(RetentionPolicy policy, List<Integer> members, List<ArchivalDecision.Archive> archives,
                            RecordOutcome[] outcomes) {
        ArchiveBatch batch = ArchiveBatch.of(policy.destination(), members.stream().map(archives::get).toList());
        StoreOutcome outcome;
        try {
            outcome = store.storeBatch(batch);
        } catch (DependencyFailureException e) {
            outcome = new StoreOutcome.Failed(e.retryable(), e.getMessage());
        } catch (RuntimeException e) {
            outcome = new StoreOutcome.Failed(true, "archive store threw: " + e);
        }
        for (int i : members) {
            ArchiveEntry entry = archives.get(i).entry();
            outcomes[i] = outcome instanceof StoreOutcome.Failed failed
                    ? new RecordOutcome.Failed(entry.sequenceNumber(), failed.retryable(),
                            failed.reason() + " (batch " + batch.data() + " of " + members.size() + " records)")
                    : new RecordOutcome.Archived(entry.sequenceNumber(), batch.locationOf(entry), outcome instanceof StoreOutcome.AlreadyStored);
        }
    }

    private static BatchResult failAll(ArchiveChangesCommand command, boolean retryable, String reason) {
        return new BatchResult(command.records().stream()
                .<RecordOutcome>map(r -> new RecordOutcome.Failed(r.sequenceNumber(), retryable, reason)).toList());
    }
}
