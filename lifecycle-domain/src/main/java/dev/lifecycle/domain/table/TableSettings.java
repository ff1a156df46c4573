package dev.lifecycle.domain.table;

import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
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

        /** When the stream was enabled: its label, the ARN's last part, e.g. {@code 2026-11-01T00:00:00.000}; empty if it is no time. */
        public Optional<Instant> createdAt() {
            return StreamSettings.createdAt(streamArn);
        }

        /** The creation time in a stream ARN's label (UTC, as DynamoDB writes it); empty if the label is no time. */
        public static Optional<Instant> createdAt(String streamArn) {
            String label = streamArn.substring(streamArn.lastIndexOf('/') + 1);
            try {
                return Optional.of(LocalDateTime.parse(label).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** Whether the stream ARN is one of this table's streams, current or past. */
        public static boolean ofTable(String streamArn, TableName table) {
            return streamArn.contains(":table/" + table.value() + "/stream/");
        }
    }
}
