package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.table.TableName;

/** No policy governs the table asked for, so the platform does not know where its archive is. */
public class TableNotGovernedException extends RuntimeException {

    private final TableName table;

    public TableNotGovernedException(TableName table) {
        super("no policy governs table '" + table + "'");
        this.table = table;
    }

    public TableName table() {
        return table;
    }
}
