package dev.lifecycle.domain.table;

import dev.lifecycle.domain.stream.StreamViewType;

/** Reads and changes the TTL and stream settings of a live table. */
public interface TableConfigurationPort {

    /** @throws TableNotFoundException when the table does not exist */
    TableSettings describe(TableName table);

    /** Enables TTL on the attribute; DynamoDB accepts one TTL change per table per hour. */
    TtlChangeOutcome enableTtl(TableName table, AttributeName attribute);

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
