package dev.lifecycle.http.archive;

import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.problem.ProblemException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/** Reading the parts of archive and restore requests: table names, days, instants and page sizes. */
public final class ArchiveRequests {

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

    /** A UTC day as {@code yyyy-MM-dd}. */
    public static LocalDate day(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required: a UTC day as yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not a day as yyyy-MM-dd");
        }
    }

    /** An instant in ISO-8601 with a zone, such as {@code 2026-11-22T00:00:00Z}. */
    public static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, "is required: an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField(field, "'" + value + "' is not an ISO-8601 instant such as 2026-11-22T00:00:00Z");
        }
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
