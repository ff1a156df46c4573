package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.table.TableName;

/** Another policy governs the table already: one policy per table. */
public class TableAlreadyGovernedException extends RuntimeException {

    private final TableName table;
    private final PolicyId governedBy;

    public TableAlreadyGovernedException(TableName table, PolicyId governedBy) {
        super("table '" + table + "' is governed by policy '" + governedBy + "' already");
        this.table = table;
        this.governedBy = governedBy;
    }

    public TableName table() {
        return table;
    }

    public PolicyId governedBy() {
        return governedBy;
    }
}
