package dev.lifecycle.http.archive;

import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** Reading the parts of archive and restore requests: table names, days, instants and page sizes. */
public final class ArchiveRequests {

    private static final Pattern DAY = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Instant FIRST_INSTANT = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant AFTER_LAST_INSTANT = Instant.parse("+10000-01-01T00:00:00Z");

    private ArchiveRequests() {
    }

    public static TableName table(String field, String value) {
        if (value == null) {
            throw ProblemException.invalidField(field, "is required");
        }
        try {
            return TableName.of(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    /**
     * A UTC day as {@code yyyy-MM-dd}: four digits of year, as archive keys have them. ISO-8601's
     * signed years ({@code +999999999-12-31}) are refused, since a day's neighbours must exist.
     */
    public static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required: a UTC day as yyyy-MM-dd");
        }
        try {
            if (!DAY.matcher(value).matches()) {
                throw new DateTimeException("not yyyy-MM-dd");
            }
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a day as yyyy-MM-dd");
        }
    }

    /** An instant in ISO-8601 with a zone, such as {@code 2026-11-22T00:00:00Z}, in the years 0000 to 9999 (see {@link #day}). */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required: an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
        if (instant.isBefore(FIRST_INSTANT) || !instant.isBefore(AFTER_LAST_INSTANT)) {
            throw ProblemException.invalidField(field, "'" + value + "' is not between the years 0000 and 9999");
        }
        return instant;
    }

    /** A page size between 1 and {@code max}; {@code fallback} when absent. */
    public static int limit(String value, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max + ", was '" + value + "'");
    }

    /** Runs a domain constructor, answering its refusal as 400 on {@code field}. */
    public static <T> T valid(String field, java.util.function.Supplier<T> construction) {
        try {
            return construction.get();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }
}
