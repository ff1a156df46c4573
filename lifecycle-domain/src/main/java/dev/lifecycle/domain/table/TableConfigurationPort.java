package dev.lifecycle.domain.table;

import dev.lifecycle.domain.stream.StreamViewType;

/**
 * Reads and changes the TTL and stream settings of a live table. Every method throws
 * {@link TableNotFoundException} when the table does not exist.
 */
public interface TableConfigurationPort {

    TableSettings describe(TableName table);

    /** Enables TTL on the attribute; DynamoDB accepts one TTL change per table per hour. */
    TtlChangeOutcome enableTtl(TableName table, AttributeName attribute);

    /** Disables TTL, which is enabled on the attribute; this counts as the hour's one TTL change. */
    TtlChangeOutcome disableTtl(TableName table, AttributeName attribute);

    /** Enables the table's stream with the given view type; the table must have no stream. */
    TableSettings.StreamSettings enableStream(TableName table, StreamViewType viewType);

    /** Disables the table's stream (its records stay readable for 24 hours). */
    void disableStream(TableName table);

    /** What happened to a TTL change. */
    sealed interface TtlChangeOutcome {
        record Applied() implements TtlChangeOutcome {
        }

        /** DynamoDB refused: a TTL change was made in the last hour. */
        record RateLimited(String message) implements TtlChangeOutcome {
        }
    }
}
