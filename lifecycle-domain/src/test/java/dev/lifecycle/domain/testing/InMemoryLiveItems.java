package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.table.TableName;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live tables in memory, with a conditional put like DynamoDB's; can fail the writes of chosen
 * keys, and let an item appear between a restore's read and its write.
 */
public final class InMemoryLiveItems implements LiveItemPort {

    private final Map<TableName, Map<ItemKey, Item>> tables = new HashMap<>();
    private final Set<ItemKey> failingWrites = new HashSet<>();
    private final Map<ItemKey, Item> appearOnWrite = new HashMap<>();
    private int writes;

    @Override
    public synchronized Optional<Item> read(TableName table, ItemKey key) {
        return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(key));
    }

    @Override
    public synchronized PutOutcome putIfAbsent(TableName table, ItemKey key, Item item) {
        writes++;
        if (failingWrites.contains(key)) {
            throw new DependencyFailureException("dynamodb", true, "injected write failure (ProvisionedThroughputExceeded)", null);
        }
        Map<ItemKey, Item> items = tables.computeIfAbsent(table, t -> new HashMap<>());
        Item appearing = appearOnWrite.remove(key);
        if (appearing != null) {
            items.put(key, appearing);
        }
        return items.putIfAbsent(key, item) == null ? PutOutcome.WRITTEN : PutOutcome.ALREADY_EXISTS;
    }

    @Override
    public synchronized boolean removeAttribute(TableName table, ItemKey key, String attribute, AttributeValue expected) {
        writes++;
        Map<ItemKey, Item> items = tables.getOrDefault(table, new HashMap<>());
        Item item = items.get(key);
        if (item == null || !item.get(attribute).map(expected::equals).orElse(false)) {
            return false;
        }
        items.put(key, item.without(attribute));
        return true;
    }

    @Override
    public synchronized boolean setAttributeIfAbsent(TableName table, ItemKey key, String attribute, AttributeValue value) {
        writes++;
        Map<ItemKey, Item> items = tables.getOrDefault(table, new HashMap<>());
        Item item = items.get(key);
        if (item == null || item.has(attribute)) {
            return false;
        }
        items.put(key, item.with(attribute, value));
        return true;
    }

    public synchronized void put(TableName table, ItemKey key, Item item) {
        tables.computeIfAbsent(table, t -> new HashMap<>()).put(key, item);
    }

    public synchronized void failWritesOf(ItemKey key) {
        failingWrites.add(key);
    }

    /** A writer that puts {@code item} just before the next conditional put of its key. */
    public synchronized void writeConcurrently(ItemKey key, Item item) {
        appearOnWrite.put(key, item);
    }

    public synchronized Map<ItemKey, Item> items(TableName table) {
        return Map.copyOf(tables.getOrDefault(table, Map.of()));
    }

    public synchronized int writes() {
        return writes;
    }
}
