package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableConfigurationPort;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tables in memory, refusing what DynamoDB refuses: a second stream, TTL on a second attribute and,
 * once {@link #limitTtlChangesPerHour()} is called, a second TTL change within the "hour" (until
 * {@link #anHourPasses()}). Every change is logged in {@link #changes()}.
 */
public final class InMemoryTableConfiguration implements TableConfigurationPort {

    /** DynamoDB's message for a second TTL change within the hour. */
    public static final String RATE_LIMIT_MESSAGE = "Time to live has been modified multiple times within a fixed interval";

    /** The time the first stream's label is a minute after. */
    public static final Instant STREAMS_FROM = Instant.parse("2026-11-22T00:00:00Z");

    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final Map<TableName, TableSettings> tables = new HashMap<>();
    private final Map<TableName, RuntimeException> failures = new HashMap<>();
    private final Set<TableName> changedThisHour = new HashSet<>();
    private final List<String> changes = new ArrayList<>();
    private boolean limitTtlChanges;
    private int streams;

    /** A table with this key schema, no TTL and no stream. */
    public synchronized InMemoryTableConfiguration createTable(TableName table, KeySchema keySchema) {
        tables.put(table, new TableSettings(table, keySchema, TtlStatus.DISABLED, Optional.empty(), Optional.empty()));
        return this;
    }

    /** Changes the table behind the platform's back (not logged, not rate-limited). */
    public synchronized void setTtl(TableName table, TtlStatus status, Optional<AttributeName> attribute) {
        TableSettings settings = settings(table);
        tables.put(table, new TableSettings(table, settings.keySchema(), status, attribute, settings.stream()));
    }

    /** Gives the table a stream of this view type behind the platform's back (or none); returns its ARN. */
    public synchronized Optional<String> setStream(TableName table, Optional<StreamViewType> viewType) {
        TableSettings settings = settings(table);
        Optional<TableSettings.StreamSettings> stream = viewType.map(type -> new TableSettings.StreamSettings(newArn(table), type));
        tables.put(table, new TableSettings(table, settings.keySchema(), settings.ttlStatus(), settings.ttlAttribute(), stream));
        return stream.map(TableSettings.StreamSettings::streamArn);
    }

    /** From now on, a second TTL change to a table is refused until {@link #anHourPasses()}. */
    public synchronized void limitTtlChangesPerHour() {
        limitTtlChanges = true;
    }

    public synchronized void anHourPasses() {
        changedThisHour.clear();
    }

    /** Every call on this table fails with the exception until {@link #recover(TableName)}. */
    public synchronized void failWith(TableName table, RuntimeException failure) {
        failures.put(table, failure);
    }

    public synchronized void recover(TableName table) {
        failures.remove(table);
    }

    /** The changes made through the port, e.g. "enableTtl orders expiresAt", oldest first. */
    public synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized TableSettings describe(TableName table) {
        return settings(table);
    }

    @Override
    public synchronized TtlChangeOutcome enableTtl(TableName table, AttributeName attribute) {
        TableSettings settings = settings(table);
        if (rateLimited(table)) {
            return new TtlChangeOutcome.RateLimited(RATE_LIMIT_MESSAGE);
        }
        if (settings.ttlStatus() == TtlStatus.ENABLED) {
            throw refused(settings.ttlAttribute().filter(attribute::equals).isPresent() ? "TimeToLive is already enabled"
                    : "TimeToLive is active on a different AttributeName: current AttributeName is " + settings.ttlAttribute().orElseThrow());
        }
        changes.add("enableTtl " + table + " " + attribute);
        changedThisHour.add(table);
        tables.put(table, new TableSettings(table, settings.keySchema(), TtlStatus.ENABLED, Optional.of(attribute), settings.stream()));
        return new TtlChangeOutcome.Applied();
    }

    @Override
    public synchronized TtlChangeOutcome disableTtl(TableName table, AttributeName attribute) {
        TableSettings settings = settings(table);
        if (rateLimited(table)) {
            return new TtlChangeOutcome.RateLimited(RATE_LIMIT_MESSAGE);
        }
        if (settings.ttlStatus() != TtlStatus.ENABLED) {
            throw refused("TimeToLive is already disabled");
        }
        changes.add("disableTtl " + table + " " + attribute);
        changedThisHour.add(table);
        tables.put(table, new TableSettings(table, settings.keySchema(), TtlStatus.DISABLED, Optional.empty(), settings.stream()));
        return new TtlChangeOutcome.Applied();
    }

    @Override
    public synchronized TableSettings.StreamSettings enableStream(TableName table, StreamViewType viewType) {
        TableSettings settings = settings(table);
        if (settings.stream().isPresent()) {
            throw refused("Table already has an enabled stream");
        }
        changes.add("enableStream " + table + " " + viewType);
        TableSettings.StreamSettings stream = new TableSettings.StreamSettings(newArn(table), viewType);
        tables.put(table, new TableSettings(table, settings.keySchema(), settings.ttlStatus(), settings.ttlAttribute(), Optional.of(stream)));
        return stream;
    }

    @Override
    public synchronized void disableStream(TableName table) {
        TableSettings settings = settings(table);
        if (settings.stream().isEmpty()) {
            throw refused("Table does not have a stream enabled");
        }
        changes.add("disableStream " + table);
        tables.put(table, new TableSettings(table, settings.keySchema(), settings.ttlStatus(), settings.ttlAttribute(), Optional.empty()));
    }

    private TableSettings settings(TableName table) {
        RuntimeException failure = failures.get(table);
        if (failure != null) {
            throw failure;
        }
        TableSettings settings = tables.get(table);
        if (settings == null) {
            throw new TableNotFoundException(table);
        }
        return settings;
    }

    private boolean rateLimited(TableName table) {
        return limitTtlChanges && changedThisHour.contains(table);
    }

    /** Labelled as DynamoDB labels streams, by their creation time: {@link #STREAMS_FROM} plus a minute per stream made. */
    private String newArn(TableName table) {
        streams++;
        return "arn:aws:dynamodb:us-east-1:000000000000:table/" + table + "/stream/"
                + LABEL.format(LocalDateTime.ofInstant(STREAMS_FROM.plusSeconds(60L * streams), ZoneOffset.UTC));
    }

    private static DependencyFailureException refused(String message) {
        return new DependencyFailureException("DynamoDB", false, "ValidationException (HTTP 400): " + message, null);
    }
}
