package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;

/**
 * A legal hold: while it exists, nothing it covers may be deleted by the platform or expire from
 * the archive. It has no end date; only an explicit release ends it.
 */
public record LegalHold(HoldId id, TableName table, HoldScope scope, String reason, String author, Instant placedAt) {

    public LegalHold {
        if (id == null || table == null || scope == null || placedAt == null) {
            throw new IllegalArgumentException("a legal hold needs id, table, scope and time");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a legal hold must give its reason");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("a legal hold must name its author");
        }
    }

    public boolean covers(TableName otherTable, ItemKey key) {
        return table.equals(otherTable) && scope.covers(key);
    }
}
