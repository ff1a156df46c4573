package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a live table one page at a time, in the table's own order, for background audits. A page
 * holds at most {@code limit} items with only the projected attributes; its cursor continues after
 * it. Throws {@link dev.lifecycle.domain.table.TableNotFoundException} for a missing table and
 * {@link dev.lifecycle.domain.failure.DependencyFailureException} when the store fails.
 */
public interface ScanTablePort {

    Page scan(PageRequest request);

    /** One page to read: the table, the attributes to return, the most items to read, and where to continue. */
    record PageRequest(TableName table, List<String> attributes, int limit, Optional<Cursor> startAfter) {
        public PageRequest {
            if (table == null || attributes == null || startAfter == null) {
                throw new IllegalArgumentException("a page request needs a table, attributes and a cursor (use Optional.empty())");
            }
            attributes = List.copyOf(attributes);
            if (attributes.isEmpty() || attributes.stream().anyMatch(name -> name == null || name.isEmpty())) {
                throw new IllegalArgumentException("a page request names at least one attribute, none empty; was " + attributes);
            }
            if (limit < 1) {
                throw new IllegalArgumentException("a page request reads at least 1 item, limit was " + limit);
            }
        }
    }

    /**
     * What one page read: its items, the read capacity units it consumed (0 when the store does not
     * say), and the cursor to continue after, absent on the last page.
     */
    record Page(List<Item> items, double consumedReadUnits, Optional<Cursor> next) {
        public Page {
            if (items == null || next == null) {
                throw new IllegalArgumentException("a page needs items and a next cursor (use Optional.empty())");
            }
            items = List.copyOf(items);
            if (!(consumedReadUnits >= 0) || Double.isInfinite(consumedReadUnits)) {
                throw new IllegalArgumentException("consumed read units must be 0 or more, was " + consumedReadUnits);
            }
        }
    }

    /** Where a scan stopped: the key attributes of the last item it evaluated (DynamoDB's LastEvaluatedKey). */
    record Cursor(Map<String, AttributeValue> lastKey) {
        public Cursor {
            if (lastKey == null || lastKey.isEmpty()) {
                throw new IllegalArgumentException("a scan cursor names the last key read, was " + lastKey);
            }
            lastKey = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastKey));
        }
    }
}
