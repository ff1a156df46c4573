package dev.lifecycle.domain.table;

import java.util.regex.Pattern;

/** A DynamoDB table name: 3 to 255 characters of {@code a-z A-Z 0-9 _ - .}. */
public record TableName(String value) {

    private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9_.-]{3,255}");

    public TableName {
        if (value == null) {
            throw new IllegalArgumentException("table name must not be null");
        }
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("table name '" + value
                    + "' is invalid: DynamoDB table names are 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'");
        }
    }

    public static TableName of(String value) {
        return new TableName(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
