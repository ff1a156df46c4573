package dev.lifecycle.adapters.aws.stream;

import dev.lifecycle.domain.archive.ArchiveChangesUseCase.IncomingRecord;
import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/**
 * A decoded Lambda stream event: its records in batch order, and the table and source they came from.
 *
 * @param table          the table every record names in its event source ARN; empty when the
 *                       records name several tables or none could be read (each decoded record
 *                       still carries its own)
 * @param eventSourceArn the event source ARN the records share, the first record's when they
 *                       differ, or {@code ""} for an event without records
 * @param records        one entry per record, in batch order
 */
public record DecodedBatch(Optional<TableName> table, String eventSourceArn, List<IncomingRecord> records) {

    public DecodedBatch {
        if (table == null || eventSourceArn == null || records == null) {
            throw new IllegalArgumentException("a decoded batch has a table (maybe empty), an event source ARN and records");
        }
        records = List.copyOf(records);
    }
}
