package dev.lifecycle.it.local;

import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.lambda.EventSourceMapping;
import dev.lifecycle.it.lambda.EventSourceMappingSettings;
import dev.lifecycle.it.lambda.FunctionInvoker;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * What a deployment's event source mappings do, for every local table: every interval it lists the
 * tables and attaches the function, once, to each table whose stream carries old images
 * ({@code OLD_IMAGE} or {@code NEW_AND_OLD_IMAGES}); when a table's latest stream changes (disabled
 * and enabled again, which makes a new stream) it moves the mapping to the new stream; when the table
 * is gone it closes the mapping. A stream that is only disabled keeps its mapping, which reads what
 * is left in it, as Lambda does.
 */
final class TableWatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TableWatcher.class.getName());

    private final LocalAws aws;
    private final FunctionInvoker function;
    private final String functionArn;
    private final EventSourceMappingSettings settings;
    private final Map<String, Attachment> attached = new TreeMap<>();
    private final AtomicInteger attachCount = new AtomicInteger();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-table-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private String lastFailure;

    private TableWatcher(LocalAws aws, FunctionInvoker function, String functionArn, EventSourceMappingSettings settings) {
        this.aws = aws;
        this.function = function;
        this.functionArn = functionArn;
        this.settings = settings;
    }

    static TableWatcher start(LocalAws aws, FunctionInvoker function, String functionArn, EventSourceMappingSettings settings,
                              Duration interval) {
        TableWatcher watcher = new TableWatcher(aws, function, functionArn, settings);
        watcher.scheduler.scheduleWithFixedDelay(watcher::scan, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return watcher;
    }

    /** Table name to the stream ARN its mapping reads, now. */
    synchronized Map<String, String> attachments() {
        Map<String, String> streams = new TreeMap<>();
        attached.forEach((table, attachment) -> streams.put(table, attachment.streamArn()));
        return streams;
    }

    /** How many mappings were attached since start (a replaced stream counts again). */
    int attachCount() {
        return attachCount.get();
    }

    /** One pass over the tables; a failure is logged once and retried at the next pass. */
    synchronized void scan() {
        if (closed) {
            return;
        }
        try {
            Set<String> seen = new HashSet<>();
            for (String table : aws.dynamoDb().listTablesPaginator().tableNames()) {
                seen.add(table);
                describe(table).ifPresentOrElse(description -> reconcile(table, description), () -> seen.remove(table));
            }
            for (String table : Set.copyOf(attached.keySet())) {
                if (!seen.contains(table)) {
                    attached.remove(table).mapping().close();
                    LOG.info("detached the stream processor from table " + table + ": the table was deleted");
                }
            }
            lastFailure = null;
        } catch (RuntimeException e) {
            String failure = String.valueOf(e.getMessage());
            if (!closed && !failure.equals(lastFailure)) {
                LOG.warning("watching the tables failed (retrying every pass): " + e);
            }
            lastFailure = failure;
        }
    }

    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        synchronized (this) {
            attached.values().forEach(attachment -> attachment.mapping().close());
            attached.clear();
        }
    }

    private void reconcile(String table, TableDescription description) {
        Attachment current = attached.get(table);
        String latest = description.latestStreamArn();
        if (current != null && current.streamArn().equals(latest)) {
            return;
        }
        if (current != null) {
            attached.remove(table).mapping().close();
        }
        if (!carriesOldImages(description.streamSpecification())) {
            if (current != null) {
                LOG.info("detached the stream processor from table " + table + ": its stream " + current.streamArn()
                        + " was replaced by one without old images");
            }
            return;
        }
        EventSourceMapping mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), latest, aws.region().id(),
                functionArn, function, settings, Clock.systemUTC());
        attached.put(table, new Attachment(latest, mapping));
        attachCount.incrementAndGet();
        LOG.info(current == null
                ? "attached the stream processor to table " + table + " (stream " + latest + ")"
                : "moved the stream processor of table " + table + " to its new stream " + latest + " (was " + current.streamArn() + ")");
    }

    private Optional<TableDescription> describe(String table) {
        try {
            return Optional.of(aws.dynamoDb().describeTable(b -> b.tableName(table)).table());
        } catch (ResourceNotFoundException deletedMeanwhile) {
            return Optional.empty();
        }
    }

    private static boolean carriesOldImages(StreamSpecification stream) {
        return stream != null && Boolean.TRUE.equals(stream.streamEnabled())
                && (stream.streamViewType() == StreamViewType.OLD_IMAGE || stream.streamViewType() == StreamViewType.NEW_AND_OLD_IMAGES);
    }

    private record Attachment(String streamArn, EventSourceMapping mapping) {
    }
}
