package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchiveKeys;
import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ReadArchivePort;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.table.TableName;
import java.util.List;

/** Browses archives through the policy that says where a table's archive is. */
public final class ArchiveBrowser implements BrowseArchivesUseCase {

    private final LoadPolicyPort policies;
    private final ArchiveIndex index;

    public ArchiveBrowser(LoadPolicyPort policies, ReadArchivePort archive) {
        this.policies = policies;
        this.index = new ArchiveIndex(archive);
    }

    @Override
    public ArchiveListing listDay(ListArchivedDayQuery query) {
        return index.day(policyOf(query.table()), query.day(), query.pageToken(), query.limit());
    }

    @Override
    public ItemArchives findItem(FindArchivedItemQuery query) {
        RetentionPolicy policy = policyOf(query.table());
        List<ArchivedObject> found = index.item(policy, query.key(), query.from(), query.to(), MAX_ITEM_RESULTS);
        boolean truncated = found.size() > MAX_ITEM_RESULTS;
        return new ItemArchives(query.table(), query.key(), truncated ? found.subList(0, MAX_ITEM_RESULTS) : found, truncated);
    }

    @Override
    public ArchiveEntry read(ReadArchiveEntryQuery query) {
        RetentionPolicy policy = policyOf(query.table());
        if (ArchiveIndex.parse(policy, query.objectKey()).isEmpty()) {
            throw new NotAnArchiveObjectException(query.table(), query.objectKey(),
                    ArchiveKeys.tablePrefix(policy.destination().prefix(), policy.table()));
        }
        ArchivedObject object = ArchiveIndex.parse(policy, query.objectKey()).get();
        return index.read(policy, object).orElseThrow(() -> new ArchiveEntryNotFoundException(
                ArchiveIndex.locate(policy, query.objectKey())));
    }

    @Override
    public ItemKey keyOf(TableName table, Item keyAttributes) {
        KeySchema schema = policyOf(table).keySchema();
        ItemKey key = schema.keyOf(keyAttributes);
        if (keyAttributes.attributes().size() != key.asAttributes().size()) {
            List<String> extra = keyAttributes.attributes().keySet().stream()
                    .filter(name -> !key.asAttributes().containsKey(name)).toList();
            throw new IllegalArgumentException("only the key attributes " + key.asAttributes().keySet()
                    + " may be given; not " + extra);
        }
        return key;
    }

    private RetentionPolicy policyOf(TableName table) {
        return policies.findByTable(table).orElseThrow(() -> new TableNotGovernedException(table));
    }
}
