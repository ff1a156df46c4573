package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.RemovalClassification;
import dev.lifecycle.domain.stream.RemovalRules;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;

/**
 * Decides whether a change record is archived. The decision depends on the record and the policy
 * only, never on the wall clock: the record's own time dates the archive and its lock, so that a
 * retry, minutes or hours later, decides and writes exactly the same thing.
 */
public final class ArchivalRules {

    private ArchivalRules() {
    }

    /** @throws RecordPolicyMismatchException when the record is of another table or its keys do not fit */
    public static ArchivalDecision decide(ChangeRecord record, RetentionPolicy policy) {
        if (!record.table().equals(policy.table())) {
            throw new RecordPolicyMismatchException(record.sequenceNumber(), "record of table '" + record.table()
                    + "' judged by policy '" + policy.id() + "' of table '" + policy.table() + "'");
        }
        RemovalClassification classification = RemovalRules.classify(record, policy.ttlAttribute().value());
        if (classification instanceof RemovalClassification.NotARemoval notARemoval) {
            return new ArchivalDecision.Skip(new SkipReason.NotARemoval(notARemoval.eventName()));
        }
        DeletionCause cause = ((RemovalClassification.Removal) classification).cause();
        if (!policy.archives(cause)) {
            return new ArchivalDecision.Skip(new SkipReason.CauseNotArchived(cause, policy.archivedCauses()));
        }
        ItemKey key = keyOf(record, policy.keySchema());
        if (policy.keyFilter().isPresent() && !policy.keyFilter().get().matches(key)) {
            return new ArchivalDecision.Skip(new SkipReason.KeyOutsideFilter(policy.keyFilter().get()));
        }
        if (record.oldImage().isEmpty()) {
            return new ArchivalDecision.Skip(new SkipReason.NoOldImage(record.viewType()));
        }
        ArchiveEntry entry = ArchiveEntry.create(record.table(), key, record.oldImage().get(), cause,
                record.approximateCreationTime(), record.eventId(), record.sequenceNumber(), policy.id(), policy.version());
        ObjectKey objectKey = ArchiveKeys.forRecord(policy.destination().prefix(), record.table(),
                record.approximateCreationTime(), key, record.sequenceNumber());
        Optional<ArchivalDecision.Retention> retention = policy.objectLock().map(lock -> new ArchivalDecision.Retention(
                lock.mode(), record.approximateCreationTime().plus(Duration.ofDays(lock.days()))));
        return new ArchivalDecision.Archive(entry, new ArchiveLocation(policy.destination().bucket(), objectKey), retention);
    }

    private static ItemKey keyOf(ChangeRecord record, KeySchema schema) {
        int expected = schema.sortKeyName().isPresent() ? 2 : 1;
        if (record.keys().size() != expected) {
            throw new RecordPolicyMismatchException(record.sequenceNumber(), "record has key attributes "
                    + record.keys().keySet() + " but the policy's key schema is " + describe(schema));
        }
        try {
            return ItemKey.fromAttributes(new LinkedHashMap<>(record.keys()), schema);
        } catch (IllegalArgumentException e) {
            throw new RecordPolicyMismatchException(record.sequenceNumber(), e.getMessage()
                    + " (policy key schema " + describe(schema) + ")");
        }
    }

    private static String describe(KeySchema schema) {
        return schema.partitionKeyName() + schema.sortKeyName().map(sort -> " + " + sort).orElse("");
    }
}
