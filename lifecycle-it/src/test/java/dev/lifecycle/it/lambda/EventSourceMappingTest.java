package dev.lifecycle.it.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The test event source mapping behaves as Lambda documents, checked with scripted functions
 * against a real DynamoDB Local stream and an ElasticMQ failure queue.
 */
@ExtendWith(LocalAwsExtension.class)
class EventSourceMappingTest {

    private static final Pattern SEQUENCE = Pattern.compile("\"SequenceNumber\":\"(\\d+)\"");
    private static final Pattern PK = Pattern.compile("\"Keys\":\\{\"pk\":\\{\"S\":\"([^\"]+)\"");

    private final LocalAws aws;
    private final List<EventSourceMapping> mappings = new ArrayList<>();
    private final String queueUrl;

    EventSourceMappingTest(LocalAws aws) {
        this.aws = aws;
        this.queueUrl = aws.sqs().createQueue(b -> b.queueName("esm-" + UUID.randomUUID().toString().substring(0, 8))).queueUrl();
    }

    @AfterEach
    void stop() {
        mappings.forEach(EventSourceMapping::close);
    }

    @Test
    void onlyRemoveRecords_areDelivered_inBatchesOfAtMostTheBatchSize() {
        String stream = table();
        List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
        EventSourceMapping mapping = start(stream, settings().withBatchSize(3), event -> {
            batches.add(keys(event));
            return success();
        });
        String table = tableOf(stream);
        for (int i = 0; i < 7; i++) {
            put(table, "k" + i);
            delete(table, "k" + i);
        }

        await(() -> mapping.stats().recordsSucceeded.get() == 7);

        assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
        assertThat(batches.stream().flatMap(List::stream)).containsExactly("k0", "k1", "k2", "k3", "k4", "k5", "k6");
        assertThat(mapping.stats().recordsFilteredOut.get()).isEqualTo(7);
    }

    @Test
    void aPartialFailure_checkpointsBeforeTheLowestFailedRecord_andRedeliversFromThere() {
        String stream = table();
        List<List<String>> deliveries = Collections.synchronizedList(new ArrayList<>());
        EventSourceMapping mapping = start(stream, settings().withBatchSize(10), event -> {
            List<String> keys = keys(event);
            deliveries.add(keys);
            // k2 fails the first time it is seen; k4 is reported too but is not the lowest.
            if (deliveries.size() == 1) {
                List<String> sequences = sequences(event);
                return failures(sequences.get(keys.indexOf("k4")), sequences.get(keys.indexOf("k2")));
            }
            return success();
        });
        String table = tableOf(stream);
        for (int i = 0; i < 6; i++) {
            put(table, "k" + i);
        }
        for (int i = 0; i < 6; i++) {
            delete(table, "k" + i);
        }

        await(() -> mapping.stats().recordsSucceeded.get() == 6);

        assertThat(deliveries.get(0)).containsExactly("k0", "k1", "k2", "k3", "k4", "k5");
        assertThat(deliveries.get(1)).containsExactly("k2", "k3", "k4", "k5");
        assertThat(mapping.stats().partialFailures.get()).isEqualTo(1);
    }

    @Test
    void aFunctionError_bisectsTheBatch_untilThePoisonRecordIsAlone_andItGoesToTheFailureQueue() {
        String stream = table();
        List<Integer> sizes = Collections.synchronizedList(new ArrayList<>());
        EventSourceMapping mapping = start(stream, settings().withBatchSize(8).withMaximumRetryAttempts(1), event -> {
            List<String> keys = keys(event);
            sizes.add(keys.size());
            return keys.contains("poison") ? new InvocationResult.FunctionError("Unhandled", "{\"errorMessage\":\"boom\"}") : success();
        });
        String table = tableOf(stream);
        for (String key : List.of("a", "b", "c", "poison", "d", "e", "f", "g")) {
            put(table, key);
        }
        for (String key : List.of("a", "b", "c", "poison", "d", "e", "f", "g")) {
            delete(table, key);
        }

        await(() -> mapping.stats().discardedRecords.get() == 1 && mapping.stats().recordsSucceeded.get() == 7);

        assertThat(sizes.get(0)).isEqualTo(8);
        assertThat(sizes).contains(4, 2, 1);
        assertThat(mapping.stats().bisections.get()).isEqualTo(3);
        Message message = awaitMessage();
        assertThat(message.body()).contains("\"condition\":\"RetryAttemptsExhausted\"").contains("\"batchSize\":1")
                .contains("\"streamArn\":\"" + stream + "\"").contains("\"shardId\"");
        Matcher start = Pattern.compile("\"startSequenceNumber\":\"(\\d+)\",\"endSequenceNumber\":\"(\\d+)\"").matcher(message.body());
        assertThat(start.find()).isTrue();
        assertThat(start.group(1)).isEqualTo(start.group(2));
    }

    @Test
    void recordsOlderThanTheMaximumAge_areDiscardedToTheFailureQueue_withoutBeingDelivered() {
        String stream = table();
        Clock future = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));
        List<String> delivered = Collections.synchronizedList(new ArrayList<>());
        EventSourceMapping mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), stream, aws.region().id(),
                "arn:aws:lambda:us-east-1:000000000000:function:test", event -> {
                    delivered.addAll(keys(event));
                    return success();
                }, settings().withMaximumRecordAge(Duration.ofHours(1)), future);
        mappings.add(mapping);
        String table = tableOf(stream);
        put(table, "old");
        delete(table, "old");

        await(() -> mapping.stats().discardedRecords.get() == 1);

        assertThat(delivered).isEmpty();
        assertThat(awaitMessage().body()).contains("\"condition\":\"RecordAgeExceeded\"");
    }

    // ---- fixtures

    private EventSourceMappingSettings settings() {
        return EventSourceMappingSettings.recommended(queueUrl);
    }

    private EventSourceMapping start(String stream, EventSourceMappingSettings settings, FunctionInvoker function) {
        EventSourceMapping mapping = EventSourceMapping.start(aws.dynamoDbStreams(), aws.sqs(), stream, aws.region().id(),
                "arn:aws:lambda:us-east-1:000000000000:function:test", function, settings, Clock.systemUTC());
        mappings.add(mapping);
        return mapping;
    }

    private String table() {
        String table = "esm-" + UUID.randomUUID().toString().substring(0, 8);
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        return aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private String tableOf(String streamArn) {
        return streamArn.substring(streamArn.indexOf(":table/") + 7, streamArn.indexOf("/stream/"));
    }

    private void put(String table, String key) {
        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.builder().s(key).build())));
    }

    private void delete(String table, String key) {
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("pk", AttributeValue.builder().s(key).build())));
    }

    private static List<String> keys(byte[] event) {
        return all(PK, event);
    }

    private static List<String> sequences(byte[] event) {
        return all(SEQUENCE, event);
    }

    private static List<String> all(Pattern pattern, byte[] event) {
        Matcher matcher = pattern.matcher(new String(event, StandardCharsets.UTF_8));
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static InvocationResult success() {
        return new InvocationResult.Response("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
    }

    private static InvocationResult failures(String... sequenceNumbers) {
        StringBuilder body = new StringBuilder("{\"batchItemFailures\":[");
        for (int i = 0; i < sequenceNumbers.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(sequenceNumbers[i]).append("\"}");
        }
        return new InvocationResult.Response(body.append("]}").toString().getBytes(StandardCharsets.UTF_8));
    }

    private Message awaitMessage() {
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Message> messages = aws.sqs().receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1)).messages();
            if (!messages.isEmpty()) {
                return messages.get(0);
            }
        }
        throw new AssertionError("no message reached the failure queue");
    }

    private static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
