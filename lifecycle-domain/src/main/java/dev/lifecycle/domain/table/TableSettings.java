package dev.lifecycle.domain.table;

import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import java.util.Optional;

/**
 * What DynamoDB reports about a table that matters to retention: its key schema, its TTL and its
 * stream.
 */
public record TableSettings(TableName table, KeySchema keySchema, TtlStatus ttlStatus, Optional<AttributeName> ttlAttribute,
                            Optional<StreamSettings> stream) {

    public TableSettings {
        if (table == null || keySchema == null || ttlStatus == null || ttlAttribute == null || stream == null) {
            throw new IllegalArgumentException("table settings need table, key schema, TTL status, TTL attribute and stream (use Optional.empty())");
        }
    }

    /** An enabled stream of a table. */
    public record StreamSettings(String streamArn, StreamViewType viewType) {
        public StreamSettings {
            if (streamArn == null || streamArn.isBlank() || viewType == null) {
                throw new IllegalArgumentException("a stream needs an ARN and a view type");
            }
        }
    }
}
