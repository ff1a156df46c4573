package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.util.Optional;

/** Reads and conditionally writes items of a live table. */
public interface LiveItemPort {

    Optional<Item> read(TableName table, ItemKey key);

    /** Writes the item only if no item with its key exists (a conditional put). */
    PutOutcome putIfAbsent(TableName table, ItemKey key, Item item);

    /**
     * Removes the attribute, on condition that the item exists and the attribute still has the
     * value {@code expected}; false when the condition failed (the item is gone or was changed).
     */
    boolean removeAttribute(TableName table, ItemKey key, String attribute, AttributeValue expected);

    /** Sets the attribute, on condition that the item exists and lacks it; false when the condition failed. */
    boolean setAttributeIfAbsent(TableName table, ItemKey key, String attribute, AttributeValue value);

    /** What a conditional put did. */
    enum PutOutcome {
        WRITTEN,
        /** An item with the key appeared meanwhile: nothing was overwritten. */
        ALREADY_EXISTS
    }
}
