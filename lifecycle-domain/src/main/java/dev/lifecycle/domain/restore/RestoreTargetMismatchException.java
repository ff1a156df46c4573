package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;

/** The restore's target table has another key schema than the archived items: they cannot be put there. */
public class RestoreTargetMismatchException extends RuntimeException {

    public RestoreTargetMismatchException(TableName target, KeySchema archived, KeySchema actual) {
        super("table '" + target + "' has key schema " + describe(actual) + " but the archived items have "
                + describe(archived));
    }

    private static String describe(KeySchema schema) {
        return schema.partitionKeyName() + schema.sortKeyName().map(sort -> " + " + sort).orElse("");
    }
}
