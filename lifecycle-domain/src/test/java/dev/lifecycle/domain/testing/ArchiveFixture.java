package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.ArchiveChangesCommand;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.Optional;

/** Archives removals the way the stream processor does, into an in-memory archive, for tests that read archives back. */
public final class ArchiveFixture {

    private final InMemoryArchiveStore store;
    private final ArchiveChangesService archiver;

    public ArchiveFixture(InMemoryPolicyRepository policies, InMemoryArchiveStore store) {
        this.store = store;
        this.archiver = new ArchiveChangesService(policies, store, Runnable::run);
    }

    /** Archives a user's delete of {@code item} at {@code at}; returns the object key it was archived at. */
    public ObjectKey userDeleted(Item item, String sequence, Instant at) {
        return archive(TestRecords.remove(item, sequence, Optional.empty(), at));
    }

    /** Archives DynamoDB's TTL deletion of {@code item} at {@code at}. */
    public ObjectKey ttlDeleted(Item item, String sequence, Instant at) {
        return archive(TestRecords.remove(item, sequence, Optional.of(UserIdentity.dynamoDbTtlService()), at));
    }

    /** Archives a user's delete of {@code item}, whose key is {@code keys}, from any governed table. */
    public ObjectKey userDeleted(TableName table, Item item, java.util.Map<String, dev.lifecycle.domain.item.AttributeValue> keys,
                                 String sequence, Instant at) {
        return archive(new ChangeRecord("event-" + sequence, dev.lifecycle.domain.stream.EventName.REMOVE, table, keys,
                Optional.of(item), Optional.empty(), dev.lifecycle.domain.stream.SequenceNumber.of(sequence), at, Optional.empty(),
                dev.lifecycle.domain.stream.StreamViewType.NEW_AND_OLD_IMAGES));
    }

    private ObjectKey archive(ChangeRecord record) {
        RecordOutcome outcome = archiver.archive(new ArchiveChangesCommand(record.table(),
                java.util.List.of(new IncomingRecord.Decoded(record)))).outcomes().get(0);
        if (!(outcome instanceof RecordOutcome.Archived archived)) {
            throw new IllegalStateException("the fixture expected an archive, got " + outcome);
        }
        return archived.location().key();
    }

    public InMemoryArchiveStore store() {
        return store;
    }
}
