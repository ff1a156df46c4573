package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.table.TableName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the policy of each table for a bounded time, so that a stream processor does not read
 * the policy table for every batch. An answer, including "no policy", is reused until it is
 * {@code maxAge} old; a failed lookup is never cached. Lookups by id and listings are not cached.
 */
public final class CachingPolicyLoader implements LoadPolicyPort {

    private final LoadPolicyPort delegate;
    private final Clock clock;
    private final Duration maxAge;
    private final ConcurrentHashMap<TableName, Cached> byTable = new ConcurrentHashMap<>();

    public CachingPolicyLoader(LoadPolicyPort delegate, Clock clock, Duration maxAge) {
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
        this.delegate = delegate;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Optional<RetentionPolicy> findByTable(TableName table) {
        Instant now = clock.instant();
        Cached cached = byTable.get(table);
        if (cached != null && !now.isAfter(cached.loadedAt.plus(maxAge))) {
            return cached.policy;
        }
        Optional<RetentionPolicy> loaded = delegate.findByTable(table);
        byTable.put(table, new Cached(loaded, now));
        return loaded;
    }

    @Override
    public Optional<RetentionPolicy> findById(PolicyId id) {
        return delegate.findById(id);
    }

    @Override
    public PolicyPage list(Optional<PolicyId> after, int limit) {
        return delegate.list(after, limit);
    }

    /** Forgets every cached answer. */
    public void invalidateAll() {
        byTable.clear();
    }

    private record Cached(Optional<RetentionPolicy> policy, Instant loadedAt) {
    }
}
