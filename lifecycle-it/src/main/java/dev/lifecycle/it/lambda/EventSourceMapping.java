package dev.lifecycle.it.lambda;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamRequest;
import software.amazon.awssdk.services.dynamodb.model.ExpiredIteratorException;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamDescription;
import software.amazon.awssdk.services.dynamodb.model.TrimmedDataAccessException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A Lambda event source mapping for a DynamoDB stream, faithful to Lambda's documented behaviour,
 * for tests and the local platform: reads each shard in order (a child after its parent), filters
 * to REMOVE records if asked, batches by size, payload and batching window, invokes the function
 * and, on a partial batch response, checkpoints before the lowest failed sequence number and
 * retries from there. On a function error it bisects the batch (if enabled) or retries it whole.
 * Records past the retry limit or the maximum record age are discarded and their metadata (shard,
 * sequence range) is sent to the on-failure SQS queue in Lambda's message format.
 *
 * <p>One choice Lambda's documentation leaves open: splitting a batch does not consume a retry;
 * each further invocation of a failed (part of a) batch does.
 */
public final class EventSourceMapping implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EventSourceMapping.class.getName());
    private static final JsonFactory JSON = new JsonFactory();

    private final DynamoDbStreamsClient streams;
    private final SqsClient sqs;
    private final String streamArn;
    private final String region;
    private final String functionArn;
    private final FunctionInvoker function;
    private final EventSourceMappingSettings settings;
    private final Clock clock;
    private final ExecutorService workers = Executors.newCachedThreadPool(LambdaRuntimeApi.daemon("esm-shard"));
    private final Set<String> startedShards = ConcurrentHashMap.newKeySet();
    private final Set<String> finishedShards = ConcurrentHashMap.newKeySet();
    private final Set<String> knownShards = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> busy = new ConcurrentHashMap<>();
    private final Stats stats = new Stats();
    private final Thread coordinator;
    private volatile boolean running = true;
    private volatile Instant lastDiscovery = Instant.EPOCH;

    private EventSourceMapping(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, String region,
                               String functionArn, FunctionInvoker function, EventSourceMappingSettings settings, Clock clock) {
        this.streams = streams;
        this.sqs = sqs;
        this.streamArn = streamArn;
        this.region = region;
        this.functionArn = functionArn;
        this.function = function;
        this.settings = settings;
        this.clock = clock;
        this.coordinator = new Thread(this::discoverShards, "esm-coordinator");
        coordinator.setDaemon(true);
    }

    public static EventSourceMapping start(DynamoDbStreamsClient streams, SqsClient sqs, String streamArn, String region,
                                           String functionArn, FunctionInvoker function,
                                           EventSourceMappingSettings settings, Clock clock) {
        EventSourceMapping mapping = new EventSourceMapping(streams, sqs, streamArn, region, functionArn, function, settings, clock);
        mapping.coordinator.start();
        return mapping;
    }

    public Stats stats() {
        return stats;
    }

    /**
     * Waits until every shard has been read to its current end, nothing is buffered and no
     * invocation is under way, and stays so for {@code quiet}.
     */
    public boolean awaitIdle(Duration quiet, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long idleSince = -1;
        while (System.nanoTime() < deadline) {
            boolean idle = !startedShards.isEmpty() && busy.values().stream().noneMatch(Boolean::booleanValue)
                    && lastDiscovery.isAfter(Instant.EPOCH);
            if (idle) {
                if (idleSince < 0) {
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince >= quiet.toNanos()) {
                    return true;
                }
            } else {
                idleSince = -1;
            }
            sleep(settings.pollInterval().toMillis());
        }
        return false;
    }

    @Override
    public void close() {
        running = false;
        coordinator.interrupt();
        workers.shutdownNow();
    }

    private void discoverShards() {
        while (running) {
            try {
                for (Shard shard : shards()) {
                    boolean parentDone = shard.parentShardId() == null || finishedShards.contains(shard.parentShardId())
                            || !knownShard(shard.parentShardId());
                    if (parentDone && startedShards.add(shard.shardId())) {
                        busy.put(shard.shardId(), true);
                        workers.submit(() -> readShard(shard.shardId()));
                    }
                }
                lastDiscovery = clock.instant();
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "describing stream " + streamArn + " failed; will retry", e);
                }
            }
            sleep(500);
        }
    }

    private boolean knownShard(String shardId) {
        return knownShards.contains(shardId);
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            StreamDescription description = streams.describeStream(DescribeStreamRequest.builder()
                    .streamArn(streamArn).exclusiveStartShardId(start).build()).streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        shards.forEach(shard -> knownShards.add(shard.shardId()));
        return shards;
    }

    private void readShard(String shardId) {
        Deque<Record> buffer = new ArrayDeque<>();
        String iterator = iterator(shardId, settings.startingPosition() == EventSourceMappingSettings.StartingPosition.LATEST
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON, null);
        String lastRead = null;
        Instant firstBufferedAt = null;
        try {
            while (running) {
                boolean readNothing = true;
                if (iterator != null && buffer.size() < settings.batchSize()) {
                    GetRecordsResponse response;
                    String current = iterator;
                    try {
                        response = streams.getRecords(b -> b.shardIterator(current).limit(1000));
                    } catch (ExpiredIteratorException e) {
                        iterator = iterator(shardId, lastRead == null ? ShardIteratorType.TRIM_HORIZON
                                : ShardIteratorType.AFTER_SEQUENCE_NUMBER, lastRead);
                        continue;
                    } catch (TrimmedDataAccessException e) {
                        LOG.warning("shard " + shardId + ": records aged out of the stream before they were read");
                        iterator = iterator(shardId, ShardIteratorType.TRIM_HORIZON, null);
                        continue;
                    }
                    iterator = response.nextShardIterator();
                    for (Record record : response.records()) {
                        readNothing = false;
                        lastRead = record.dynamodb().sequenceNumber();
                        stats.recordsRead.incrementAndGet();
                        if (!settings.removeRecordsOnly() || record.eventName() == OperationType.REMOVE) {
                            buffer.add(record);
                        } else {
                            stats.recordsFilteredOut.incrementAndGet();
                        }
                    }
                }
                if (buffer.isEmpty()) {
                    if (iterator == null) {
                        finishedShards.add(shardId);
                        return;
                    }
                    busy.put(shardId, false);
                    sleep(settings.pollInterval().toMillis());
                    continue;
                }
                busy.put(shardId, true);
                Instant now = clock.instant();
                if (firstBufferedAt == null) {
                    firstBufferedAt = now;
                }
                boolean windowOpen = now.isBefore(firstBufferedAt.plus(settings.maximumBatchingWindow()));
                if (buffer.size() < settings.batchSize() && windowOpen && iterator != null && !readNothing) {
                    continue;
                }
                if (buffer.size() < settings.batchSize() && windowOpen && iterator != null) {
                    sleep(settings.pollInterval().toMillis());
                    continue;
                }
                List<Record> batch = takeBatch(buffer);
                firstBufferedAt = buffer.isEmpty() ? null : clock.instant();
                deliver(shardId, batch, 0);
            }
        } catch (RuntimeException e) {
            if (running) {
                LOG.log(Level.SEVERE, "event source mapping stopped reading shard " + shardId, e);
                stats.shardErrors.incrementAndGet();
            }
        } finally {
            busy.put(shardId, false);
        }
    }

    private String iterator(String shardId, ShardIteratorType type, String sequenceNumber) {
        return streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type)
                .sequenceNumber(sequenceNumber)).shardIterator();
    }

    private List<Record> takeBatch(Deque<Record> buffer) {
        List<Record> batch = new ArrayList<>();
        int payload = "{\"Records\":[]}".length();
        while (!buffer.isEmpty() && batch.size() < settings.batchSize()) {
            int size = LambdaStreamEvents.size(buffer.peekFirst(), streamArn, region);
            if (!batch.isEmpty() && payload + size > EventSourceMappingSettings.MAX_PAYLOAD_BYTES) {
                break;
            }
            payload += size;
            batch.add(buffer.pollFirst());
        }
        return batch;
    }

    private void deliver(String shardId, List<Record> batch, int retriesUsed) {
        List<Record> remaining = discardTooOld(shardId, batch, retriesUsed);
        while (!remaining.isEmpty() && running) {
            stats.invocations.incrementAndGet();
            stats.recordsDelivered.addAndGet(remaining.size());
            InvocationResult result = function.invoke(LambdaStreamEvents.event(remaining, streamArn, region));
            Optional<Integer> firstFailed = firstFailedIndex(result, remaining);
            if (firstFailed.isEmpty()) {
                stats.recordsSucceeded.addAndGet(remaining.size());
                return;
            }
            int index = firstFailed.get();
            if (index < 0) {
                stats.functionErrors.incrementAndGet();
                if (settings.bisectBatchOnFunctionError() && remaining.size() > 1) {
                    stats.bisections.incrementAndGet();
                    int half = remaining.size() / 2;
                    deliver(shardId, new ArrayList<>(remaining.subList(0, half)), retriesUsed);
                    deliver(shardId, new ArrayList<>(remaining.subList(half, remaining.size())), retriesUsed);
                    return;
                }
            } else {
                stats.recordsSucceeded.addAndGet(index);
                remaining = new ArrayList<>(remaining.subList(index, remaining.size()));
            }
            retriesUsed++;
            if (!settings.retriesForever() && retriesUsed > settings.maximumRetryAttempts()) {
                sendToFailureDestination(shardId, remaining, "RetryAttemptsExhausted", retriesUsed);
                return;
            }
            stats.retries.incrementAndGet();
            sleep(settings.pollInterval().toMillis());
            remaining = discardTooOld(shardId, remaining, retriesUsed);
        }
    }

    /**
     * Empty when the whole batch succeeded; -1 when it failed whole (function error, timeout, or a
     * response that names no valid record); otherwise the index of the lowest failed record.
     */
    private Optional<Integer> firstFailedIndex(InvocationResult result, List<Record> batch) {
        if (!(result instanceof InvocationResult.Response response)) {
            LOG.info("invocation failed whole: " + result);
            return Optional.of(-1);
        }
        if (!settings.reportBatchItemFailures()) {
            return Optional.empty();
        }
        List<String> identifiers;
        try {
            identifiers = batchItemFailures(response.body());
        } catch (IOException | RuntimeException e) {
            LOG.warning("unreadable batch response, treating the batch as failed: " + e.getMessage());
            return Optional.of(-1);
        }
        if (identifiers.isEmpty()) {
            return Optional.empty();
        }
        int lowest = Integer.MAX_VALUE;
        for (String identifier : identifiers) {
            int index = indexOf(batch, identifier);
            if (index < 0) {
                LOG.warning("batch response names '" + identifier + "', which is not in the batch: the batch failed whole");
                return Optional.of(-1);
            }
            lowest = Math.min(lowest, index);
        }
        stats.partialFailures.incrementAndGet();
        return Optional.of(lowest);
    }

    private static int indexOf(List<Record> batch, String sequenceNumber) {
        if (sequenceNumber == null || sequenceNumber.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).dynamodb().sequenceNumber().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** The identifiers of {@code batchItemFailures}; a null, empty or "null" response means complete success. */
    static List<String> batchItemFailures(byte[] body) throws IOException {
        List<String> identifiers = new ArrayList<>();
        if (body.length == 0) {
            return identifiers;
        }
        try (JsonParser parser = JSON.createParser(body)) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                return identifiers;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new IOException("batch response is not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("batchItemFailures") && value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        String identifier = null;
                        while (parser.nextToken() == JsonToken.FIELD_NAME) {
                            String name = parser.currentName();
                            parser.nextToken();
                            if (name.equals("itemIdentifier")) {
                                identifier = parser.getValueAsString();
                            } else {
                                parser.skipChildren();
                            }
                        }
                        identifiers.add(identifier == null ? "" : identifier);
                    }
                } else {
                    parser.skipChildren();
                }
            }
        }
        return identifiers;
    }

    private List<Record> discardTooOld(String shardId, List<Record> batch, int retriesUsed) {
        if (settings.recordsAgeForever()) {
            return batch;
        }
        Instant oldest = clock.instant().minus(settings.maximumRecordAge());
        List<Record> tooOld = new ArrayList<>();
        List<Record> fresh = new ArrayList<>();
        for (Record record : batch) {
            Instant created = record.dynamodb().approximateCreationDateTime();
            (created != null && created.isBefore(oldest) ? tooOld : fresh).add(record);
        }
        if (!tooOld.isEmpty()) {
            sendToFailureDestination(shardId, tooOld, "RecordAgeExceeded", retriesUsed);
        }
        return fresh;
    }

    private void sendToFailureDestination(String shardId, List<Record> records, String condition, int invokeCount) {
        stats.discardedBatches.incrementAndGet();
        stats.discardedRecords.addAndGet(records.size());
        if (settings.onFailureQueueUrl().isEmpty()) {
            LOG.warning("discarding " + records.size() + " records of shard " + shardId + " (" + condition
                    + ") with no on-failure destination: they are lost");
            return;
        }
        byte[] message = failureMessage(shardId, records, condition, invokeCount);
        sqs.sendMessage(b -> b.queueUrl(settings.onFailureQueueUrl().get())
                .messageBody(new String(message, java.nio.charset.StandardCharsets.UTF_8)));
        LOG.info("sent " + records.size() + " records of shard " + shardId + " to the on-failure destination (" + condition + ")");
    }

    /** Lambda's on-failure message for a stream batch: metadata only, never the records. */
    private byte[] failureMessage(String shardId, List<Record> records, String condition, int invokeCount) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Record first = records.get(0);
        Record last = records.get(records.size() - 1);
        String start = first.dynamodb().sequenceNumber();
        String end = last.dynamodb().sequenceNumber();
        for (Record record : records) {
            BigInteger sequence = new BigInteger(record.dynamodb().sequenceNumber());
            if (sequence.compareTo(new BigInteger(start)) < 0) {
                start = record.dynamodb().sequenceNumber();
            }
            if (sequence.compareTo(new BigInteger(end)) > 0) {
                end = record.dynamodb().sequenceNumber();
            }
        }
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeObjectFieldStart("requestContext");
            json.writeStringField("requestId", UUID.randomUUID().toString());
            json.writeStringField("functionArn", functionArn);
            json.writeStringField("condition", condition);
            json.writeNumberField("approximateInvokeCount", Math.max(1, invokeCount));
            json.writeEndObject();
            json.writeObjectFieldStart("responseContext");
            json.writeNumberField("statusCode", 200);
            json.writeStringField("executedVersion", "$LATEST");
            json.writeStringField("functionError", "Unhandled");
            json.writeEndObject();
            json.writeStringField("version", "1.0");
            json.writeStringField("timestamp", clock.instant().toString());
            json.writeObjectFieldStart("DDBStreamBatchInfo");
            json.writeStringField("shardId", shardId);
            json.writeStringField("startSequenceNumber", start);
            json.writeStringField("endSequenceNumber", end);
            json.writeStringField("approximateArrivalOfFirstRecord", String.valueOf(first.dynamodb().approximateCreationDateTime()));
            json.writeStringField("approximateArrivalOfLastRecord", String.valueOf(last.dynamodb().approximateCreationDateTime()));
            json.writeNumberField("batchSize", records.size());
            json.writeStringField("streamArn", streamArn);
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the mapping did, for tests and the benchmark's report. */
    public static final class Stats {
        public final AtomicLong recordsRead = new AtomicLong();
        public final AtomicLong recordsFilteredOut = new AtomicLong();
        public final AtomicLong recordsDelivered = new AtomicLong();
        public final AtomicLong recordsSucceeded = new AtomicLong();
        public final AtomicInteger invocations = new AtomicInteger();
        public final AtomicInteger partialFailures = new AtomicInteger();
        public final AtomicInteger functionErrors = new AtomicInteger();
        public final AtomicInteger bisections = new AtomicInteger();
        public final AtomicInteger retries = new AtomicInteger();
        public final AtomicInteger discardedBatches = new AtomicInteger();
        public final AtomicLong discardedRecords = new AtomicLong();
        public final AtomicInteger shardErrors = new AtomicInteger();

        @Override
        public String toString() {
            return "read=" + recordsRead + " filteredOut=" + recordsFilteredOut + " invocations=" + invocations
                    + " delivered=" + recordsDelivered + " succeeded=" + recordsSucceeded + " partialFailures=" + partialFailures
                    + " functionErrors=" + functionErrors + " bisections=" + bisections + " retries=" + retries
                    + " discardedBatches=" + discardedBatches + " discardedRecords=" + discardedRecords;
        }
    }
}
