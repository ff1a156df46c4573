package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.ChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Archives a batch: one policy lookup, one decision per record, writes run on the given executor
 * (a bounded pool makes them concurrent). Every record ends as exactly one outcome; anything that
 * goes wrong with a record fails that record alone, and nothing fails silently.
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
        if (incoming instanceof IncomingRecord.Undecodable undecodable) {
            return new RecordOutcome.Failed(undecodable.sequenceNumber(), false, "undecodable: " + undecodable.reason());
        }
        ChangeRecord record = ((IncomingRecord.Decoded) incoming).record();
        ArchivalDecision decision;
        try {
            decision = ArchivalRules.decide(record, policy);
        } catch (RecordPolicyMismatchException | IllegalArgumentException e) {
            return new RecordOutcome.Failed(record.sequenceNumber(), false, e.getMessage());
        }
        if (decision instanceof ArchivalDecision.Skip skip) {
            return new RecordOutcome.Skipped(record.sequenceNumber(), skip.reason());
        }
        ArchivalDecision.Archive archive = (ArchivalDecision.Archive) decision;
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

    private static BatchResult failAll(ArchiveChangesCommand command, boolean retryable, String reason) {
        return new BatchResult(command.records().stream()
                .<RecordOutcome>map(r -> new RecordOutcome.Failed(r.sequenceNumber(), retryable, reason)).toList());
    }
}
