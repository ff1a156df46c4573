package dev.lifecycle.domain.table;

/** The named table does not exist (or is not visible with the credentials in use). */
public class TableNotFoundException extends RuntimeException {

    private final TableName table;

    public TableNotFoundException(TableName table) {
        super("table '" + table + "' does not exist");
        this.table = table;
    }

    public TableName table() {
        return table;
    }
}
