package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.BatchResult;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.RemovalClassification;
import dev.lifecycle.domain.stream.RemovalRules;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.AttributeName;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counter increments one processed batch adds to the ledger, per (table, day, cause).
 *
 * <p>The day is the UTC day of the record's own time (its deletion time), the day its archive
 * object is filed under, so that a day's ledger and a day's archive prefix speak of the same
 * removals. An undecodable record has no readable time: it is counted on the day it was
 * processed, under cause {@link LedgerCause#UNKNOWN}, because that is the day an operator looks
 * at to find it (and its record is then within the stream's 24 hours, for replay).
 */
public record LedgerTally(Map<LedgerKey, LedgerCounts> increments) {

    public LedgerTally {
        if (increments == null) {
            throw new IllegalArgumentException("increments must not be null");
        }
        increments.forEach((key, counts) -> {
            if (key == null || counts == null || counts.isEmpty()) {
                throw new IllegalArgumentException("a tally holds only keys with something counted, had " + key + " = " + counts);
            }
        });
        increments = Collections.unmodifiableMap(new LinkedHashMap<>(increments));
    }

    public static LedgerTally empty() {
        return new LedgerTally(Map.of());
    }

    /**
     * Tallies a batch: one count per record, from its outcome.
     *
     * @param ttlAttribute  the table's TTL attribute (from its policy), which tells EXPIRED from
     *                      USER; when empty, a removal without DynamoDB's service identity is
     *                      counted as {@link LedgerCause#UNKNOWN}
     * @param processingDay the UTC day the batch was processed, for undecodable records
     * @throws IllegalArgumentException when the result does not answer each record of the command, in order
     */
    public static LedgerTally of(ArchiveChangesCommand command, BatchResult result, Optional<AttributeName> ttlAttribute,
                                 LocalDate processingDay) {
        List<IncomingRecord> records = command.records();
        List<RecordOutcome> outcomes = result.outcomes();
        if (records.size() != outcomes.size()) {
            throw new IllegalArgumentException("the batch has " + records.size() + " records but " + outcomes.size() + " outcomes");
        }
        Map<LedgerKey, LedgerCounts> counts = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            IncomingRecord record = records.get(i);
            RecordOutcome outcome = outcomes.get(i);
            if (!record.sequenceNumber().equals(outcome.sequenceNumber())) {
                throw new IllegalArgumentException("outcome " + i + " is for record " + outcome.sequenceNumber()
                        + ", not for " + record.sequenceNumber());
            }
            LedgerKey key;
            LedgerCounts count;
            if (record instanceof IncomingRecord.Decoded decoded) {
                ChangeRecord change = decoded.record();
                key = new LedgerKey(command.table(), LocalDate.ofInstant(change.approximateCreationTime(), ZoneOffset.UTC),
                        causeOf(change, ttlAttribute));
                count = countOf(outcome);
            } else {
                key = new LedgerKey(command.table(), processingDay, LedgerCause.UNKNOWN);
                count = LedgerCounts.oneUndecodable();
            }
            counts.merge(key, count, LedgerCounts::plus);
        }
        return new LedgerTally(counts);
    }

    /** Both tallies' increments added up. */
    public LedgerTally plus(LedgerTally other) {
        Map<LedgerKey, LedgerCounts> sum = new LinkedHashMap<>(increments);
        other.increments.forEach((key, counts) -> sum.merge(key, counts, LedgerCounts::plus));
        return new LedgerTally(sum);
    }

    public boolean isEmpty() {
        return increments.isEmpty();
    }

    static LedgerCause causeOf(ChangeRecord record, Optional<AttributeName> ttlAttribute) {
        if (!record.isRemoval()) {
            return LedgerCause.NOT_A_REMOVAL;
        }
        if (ttlAttribute.isEmpty()) {
            return record.userIdentity().map(UserIdentity::isDynamoDbTtlService).orElse(false) ? LedgerCause.TTL : LedgerCause.UNKNOWN;
        }
        RemovalClassification classification = RemovalRules.classify(record, ttlAttribute.get().value());
        return LedgerCause.of(((RemovalClassification.Removal) classification).cause());
    }

    private static LedgerCounts countOf(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Archived archived) {
            return archived.alreadyPresent() ? LedgerCounts.oneAlreadyArchived() : LedgerCounts.oneArchived();
        }
        if (outcome instanceof RecordOutcome.Skipped skipped) {
            return LedgerCounts.oneSkipped(SkipKind.of(skipped.reason()));
        }
        if (outcome instanceof RecordOutcome.Failed) {
            return LedgerCounts.oneFailed();
        }
        throw new IllegalArgumentException("outcome " + outcome + " has no ledger count");
    }
}
