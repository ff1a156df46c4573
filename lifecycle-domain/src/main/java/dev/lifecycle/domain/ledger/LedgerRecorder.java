package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.AttributeName;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Tallies a processed batch and adds it to the ledger. The table's TTL attribute comes from its
 * policy (through the processor's policy cache, so no extra read in the common case); if the policy
 * cannot be read, removals without the service identity are counted as UNKNOWN rather than guessed.
 */
public final class LedgerRecorder implements RecordInLedgerUseCase {

    private final LoadPolicyPort policies;
    private final LedgerPort ledger;
    private final Clock clock;

    public LedgerRecorder(LoadPolicyPort policies, LedgerPort ledger, Clock clock) {
        this.policies = policies;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public LedgerWrite record(ArchiveChangesCommand command, BatchResult result) {
        LedgerTally tally;
        try {
            tally = LedgerTally.of(command, result, ttlAttribute(command), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (RuntimeException e) {
            return new LedgerWrite.NotRecorded(LedgerTally.empty(), "the batch could not be tallied: " + e.getMessage());
        }
        if (tally.isEmpty()) {
            return new LedgerWrite.Recorded(tally);
        }
        try {
            ledger.add(tally);
            return new LedgerWrite.Recorded(tally);
        } catch (RuntimeException e) {
            return new LedgerWrite.NotRecorded(tally, "the ledger write failed: " + e.getMessage());
        }
    }

    private Optional<AttributeName> ttlAttribute(ArchiveChangesCommand command) {
        try {
            return policies.findByTable(command.table()).map(RetentionPolicy::ttlAttribute);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
