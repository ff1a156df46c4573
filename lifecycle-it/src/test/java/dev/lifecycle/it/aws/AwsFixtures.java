package dev.lifecycle.it.aws;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** Small factories for the harness tests: uniquely named tables and buckets, stream reading, checksums. */
final class AwsFixtures {

    static final Duration STREAM_TIMEOUT = Duration.ofSeconds(90);

    private AwsFixtures() {
    }

    /** A new table keyed by the string {@code pk}, with a NEW_AND_OLD_IMAGES stream; returns its name. */
    static String tableWithStream(LocalAws aws) {
        String table = "lifecycle-" + UUID.randomUUID();
        aws.dynamoDb().createTable(request -> request.tableName(table)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(stream -> stream.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        aws.dynamoDb().waiter().waitUntilTableExists(request -> request.tableName(table));
        return table;
    }

    static String streamArn(LocalAws aws, String table) {
        return aws.dynamoDb().describeTable(request -> request.tableName(table)).table().latestStreamArn();
    }

    /** A new bucket; returns its name. */
    static String bucket(LocalAws aws) {
        String bucket = "lifecycle-" + UUID.randomUUID();
        aws.s3().createBucket(request -> request.bucket(bucket));
        return bucket;
    }

    /**
     * Reads every shard of the stream from its start, polling, until a record matches; fails with
     * the records seen after {@link #STREAM_TIMEOUT}.
     */
    static Record awaitRecord(LocalAws aws, String streamArn, String description, Predicate<Record> wanted) {
        DynamoDbStreamsClient streams = aws.dynamoDbStreams();
        Map<String, String> iterators = new HashMap<>();
        List<Record> seen = new ArrayList<>();
        long deadline = System.nanoTime() + STREAM_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Shard shard : streams.describeStream(request -> request.streamArn(streamArn)).streamDescription().shards()) {
                iterators.computeIfAbsent(shard.shardId(), id -> streams.getShardIterator(request -> request.streamArn(streamArn)
                        .shardId(id).shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator());
            }
            for (Map.Entry<String, String> shard : iterators.entrySet()) {
                if (shard.getValue() == null) {
                    continue;
                }
                GetRecordsResponse response = streams.getRecords(request -> request.shardIterator(shard.getValue()));
                shard.setValue(response.nextShardIterator());
                for (Record record : response.records()) {
                    seen.add(record);
                    if (wanted.test(record)) {
                        return record;
                    }
                }
            }
            sleep(250);
        }
        throw new AssertionError("no " + description + " in " + streamArn + " within " + STREAM_TIMEOUT + "; records seen: "
                + seen.stream().map(record -> record.eventNameAsString() + " " + record.dynamodb().keys())
                .collect(Collectors.joining(", ")));
    }

    static String sha256Base64(byte[] content) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
