package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;

/** The TTL value the platform removed from a held live item, kept so that the release gives it back. */
public record HeldTtl(TableName table, ItemKey key, String ttlAttribute, AttributeValue original, Instant removedAt) {

    public HeldTtl {
        if (table == null || key == null || ttlAttribute == null || ttlAttribute.isEmpty() || original == null || removedAt == null) {
            throw new IllegalArgumentException("a held TTL needs table, key, attribute, original value and time");
        }
    }
}
