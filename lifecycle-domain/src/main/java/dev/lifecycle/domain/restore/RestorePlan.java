package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;

/** What to do to restore one archived item. */
public sealed interface RestorePlan {

    /** Write {@code item} into {@code table}, on condition that no item with its key exists there. */
    record Put(TableName table, ItemKey key, Item item) implements RestorePlan {
    }

    /** Leave the table alone, for this reason. */
    record Skip(Reason reason, String detail) implements RestorePlan {
    }

    /** Why a restore skips an item. */
    enum Reason {
        /** A live item with this key was written after the deletion: it is newer, never overwrite it. */
        NEWER_LIVE_ITEM,
        /** The live item is the archived one (ignoring its TTL): restored before. */
        ALREADY_RESTORED,
        /** The kept TTL has passed: DynamoDB would delete the item again at once. */
        EXPIRED
    }
}
