package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.LedgerKey;
import dev.lifecycle.domain.ledger.LedgerPort;
import dev.lifecycle.domain.ledger.LedgerTally;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The ledger in memory: adds atomically per key, like the DynamoDB adapter's ADD; can be told to fail every write. */
public final class InMemoryLedger implements LedgerPort {

    private final Map<LedgerKey, LedgerCounts> counters = new ConcurrentHashMap<>();
    private final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public void add(LedgerTally tally) {
        if (failing.get()) {
            throw new DependencyFailureException("ledger", true, "injected write failure (ProvisionedThroughputExceeded)", null);
        }
        tally.increments().forEach((key, counts) -> counters.merge(key, counts, LedgerCounts::plus));
    }

    @Override
    public Map<LedgerCause, LedgerCounts> day(TableName table, LocalDate day) {
        Map<LedgerCause, LedgerCounts> found = new EnumMap<>(LedgerCause.class);
        counters.forEach((key, counts) -> {
            if (key.table().equals(table) && key.day().equals(day)) {
                found.put(key.cause(), counts);
            }
        });
        return found;
    }

    public void failWrites(boolean fail) {
        failing.set(fail);
    }
}
