package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tables of items in memory, scanned as DynamoDB scans them: in a stable order, at most Limit items
 * a page, only the projected attributes, a cursor of the last key read (also after a full last
 * page, as DynamoDB does). Optionally each page costs read units per item, takes time on a
 * {@link ManualClock}, or fails. Every request is kept in {@link #requests()}.
 */
public final class InMemoryTableScanner implements ScanTablePort {

    private final Map<TableName, KeySchema> schemas = new HashMap<>();
    private final Map<TableName, List<Item>> tables = new HashMap<>();
    private final List<PageRequest> requests = new ArrayList<>();
    private final Map<Integer, RuntimeException> failures = new HashMap<>();
    private double readUnitsPerItem;
    private ManualClock clock;
    private Duration latency = Duration.ZERO;
    private CountDownLatch entered;
    private CountDownLatch release;

    public synchronized InMemoryTableScanner createTable(TableName table, KeySchema keySchema) {
        schemas.put(table, keySchema);
        tables.put(table, new ArrayList<>());
        return this;
    }

    public synchronized InMemoryTableScanner put(TableName table, Item item) {
        List<Item> items = existing(table);
        KeySchema schema = schemas.get(table);
        items.removeIf(other -> schema.keyOf(other).equals(schema.keyOf(item)));
        items.add(item);
        return this;
    }

    /** Every page then reports this many read units per item it returns. */
    public synchronized InMemoryTableScanner costing(double unitsPerItem) {
        this.readUnitsPerItem = unitsPerItem;
        return this;
    }

    /** Every page then takes this long on the clock. */
    public synchronized InMemoryTableScanner taking(Duration perPage, ManualClock manualClock) {
        this.latency = perPage;
        this.clock = manualClock;
        return this;
    }

    /**
     * The next page request signals {@code enteredLatch}, then waits (outside this scanner's lock)
     * until {@code releaseLatch} opens: a test can act while a scan is under way.
     */
    public synchronized InMemoryTableScanner pausingNextScan(CountDownLatch enteredLatch, CountDownLatch releaseLatch) {
        this.entered = enteredLatch;
        this.release = releaseLatch;
        return this;
    }

    /** The n-th page request from now on (1 = the next) throws this. */
    public synchronized InMemoryTableScanner failingOnRequest(int n, RuntimeException failure) {
        failures.put(requests.size() + n, failure);
        return this;
    }

    public synchronized List<PageRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public Page scan(PageRequest request) {
        CountDownLatch signal;
        CountDownLatch wait;
        synchronized (this) {
            signal = entered;
            wait = release;
            entered = null;
            release = null;
        }
        if (signal != null) {
            signal.countDown();
            try {
                if (!wait.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the test never released the paused scan");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return scanNow(request);
    }

    private synchronized Page scanNow(PageRequest request) {
        requests.add(request);
        RuntimeException failure = failures.remove(requests.size());
        if (failure != null) {
            throw failure;
        }
        if (clock != null) {
            clock.advance(latency);
        }
        List<Item> items = existing(request.table());
        KeySchema schema = schemas.get(request.table());
        int start = request.startAfter().map(cursor -> indexOf(items, schema, cursor) + 1).orElse(0);
        int end = Math.min(items.size(), start + request.limit());
        List<Item> page = new ArrayList<>();
        for (Item item : items.subList(start, end)) {
            page.add(project(item, request.attributes()));
        }
        Optional<Cursor> next = end - start == request.limit() && !page.isEmpty()
                ? Optional.of(new Cursor(schema.keyOf(items.get(end - 1)).asAttributes()))
                : Optional.empty();
        return new Page(page, page.size() * readUnitsPerItem, next);
    }

    private List<Item> existing(TableName table) {
        List<Item> items = tables.get(table);
        if (items == null) {
            throw new TableNotFoundException(table);
        }
        return items;
    }

    private static int indexOf(List<Item> items, KeySchema schema, Cursor cursor) {
        for (int i = 0; i < items.size(); i++) {
            if (schema.keyOf(items.get(i)).asAttributes().equals(cursor.lastKey())) {
                return i;
            }
        }
        throw new IllegalArgumentException("the cursor " + cursor + " names no item of the table");
    }

    private static Item project(Item item, List<String> attributes) {
        Map<String, AttributeValue> kept = new LinkedHashMap<>();
        for (String name : attributes) {
            item.get(name).ifPresent(value -> kept.put(name, value));
        }
        return new Item(kept);
    }
}
