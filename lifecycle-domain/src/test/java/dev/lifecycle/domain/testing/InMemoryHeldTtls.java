package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.hold.HeldTtl;
import dev.lifecycle.domain.hold.HeldTtlsPort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Held TTLs in memory. */
public final class InMemoryHeldTtls implements HeldTtlsPort {

    private final Map<TableName, Map<ItemKey, HeldTtl>> held = new LinkedHashMap<>();

    @Override
    public synchronized void record(HeldTtl ttl) {
        held.computeIfAbsent(ttl.table(), t -> new LinkedHashMap<>()).putIfAbsent(ttl.key(), ttl);
    }

    @Override
    public synchronized Optional<HeldTtl> find(TableName table, ItemKey key) {
        return Optional.ofNullable(held.getOrDefault(table, Map.of()).get(key));
    }

    @Override
    public synchronized List<HeldTtl> all(TableName table) {
        return new ArrayList<>(held.getOrDefault(table, Map.of()).values());
    }

    @Override
    public synchronized void forget(TableName table, ItemKey key) {
        held.getOrDefault(table, new LinkedHashMap<>()).remove(key);
    }
}
