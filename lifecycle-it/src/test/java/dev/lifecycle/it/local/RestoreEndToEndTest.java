package dev.lifecycle.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.it.local.AdminApiClient.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Deleted and expired items come back through the admin API, on the whole local platform: DynamoDB
 * Local (with its real TTL sweeper), S3Mock, the deployed stream processor and the packaged admin
 * API. A user reads the restored item back unchanged; a newer item is never overwritten.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestoreEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private LocalPlatform platform;
    private DynamoDbClient dynamoDb;
    private AdminApiClient api;
    private final String table = "restore-" + UUID.randomUUID().toString().substring(0, 8);

    /** The policy's archive layout; {@link BatchedRestoreEndToEndTest} runs every test again with batched archives. */
    String archiveLayout() {
        return "PER_ITEM";
    }

    @BeforeAll
    void start() throws Exception {
        Path output = Path.of("target", "restore-e2e-" + UUID.randomUUID().toString().substring(0, 8));
        platform = LocalPlatform.start(LocalPlatform.Settings.freePorts(Path.of(".."), output, Duration.ofMillis(500)));
        dynamoDb = platform.aws().dynamoDb();
        api = new AdminApiClient(platform.adminApi(), Files.readString(platform.output().resolve("admin.jwt")).trim());
        createTable(table);
        createTable(table + "-copy");
        String policy = "{\"id\": \"" + table + "\", \"table\": \"" + table + "\", \"partitionKey\": \"orderId\", "
                + "\"ttlAttribute\": \"expiresAt\", \"retention\": \"P30D\", \"archivedCauses\": [\"TTL\", \"USER\"], "
                + "\"bucket\": \"lifecycle-archives\", \"prefix\": \"restore-e2e\", \"archiveExpiryDays\": 365, "
                + "\"archiveLayout\": \"" + archiveLayout() + "\"}";
        assertThat(call("POST", "/api/v1/policies", policy).status()).isEqualTo(201);
        assertThat(call("POST", "/api/v1/policies/" + table + "/apply", null).status()).isEqualTo(200);
        await("the stream processor is attached to " + table, () -> platform.watcher().attachments().containsKey(table));
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void aDeletedItem_isFoundByItsKey_restored_andReadBackUnchangedByTheUser() throws Exception {
        Map<String, AttributeValue> item = Map.of(
                "orderId", AttributeValue.fromS("o-1"),
                "total", AttributeValue.fromN("129.9"),
                "lines", AttributeValue.fromL(java.util.List.of(AttributeValue.fromM(Map.of("sku", AttributeValue.fromS("A-1"))))),
                "tags", AttributeValue.fromSs(java.util.List.of("gift", "express")),
                "expiresAt", AttributeValue.fromN(Long.toString(Instant.now().plus(Duration.ofDays(7)).getEpochSecond())));
        dynamoDb.putItem(b -> b.tableName(table).item(item));
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS("o-1"))));
        JsonNode archives = awaitArchives("o-1", 1);
        String objectKey = archives.get("objects").get(0).get("objectKey").asText();
        assertThat(objectKey).as("the entry's name in the " + archiveLayout() + " layout")
                .matches(archiveLayout().equals("BATCHED") ? ".*/_batches/USER/[0-9a-f-]+\\.ndjson\\.gz#S-o-1/[0-9]+" : ".*/S-o-1/[0-9]+\\.json");

        Answer entry = call("GET", "/api/v1/tables/" + table + "/archives/object?key=" + encode(objectKey), null);
        assertThat(entry.status()).isEqualTo(200);
        assertThat(entry.json().get("cause").asText()).isEqualTo("USER");
        assertThat(entry.json().get("oldImage").get("total").get("N").asText()).isEqualTo("129.9");

        Answer restored = restore("{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}]}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        assertThat(restored.json().get("counts").get("restored").asInt()).isEqualTo(1);
        Map<String, AttributeValue> readBack = dynamoDb.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of("orderId", AttributeValue.fromS("o-1")))).item();
        // Compared as DynamoDB compares them: sets without order, numbers by value.
        assertThat(SdkAttributeValues.toItem(readBack)).isEqualTo(SdkAttributeValues.toItem(item));

        Answer again = restore("{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}]}");
        assertThat(again.json().get("outcomes").get(0).get("reason").asText()).isEqualTo("ALREADY_RESTORED");
    }

    @Test
    @Order(2)
    void aNewerItemWithTheSameKey_isNeverOverwritten() throws Exception {
        Map<String, AttributeValue> key = Map.of("orderId", AttributeValue.fromS("o-2"));
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS("o-2"), "total", AttributeValue.fromN("1"))));
        dynamoDb.deleteItem(b -> b.tableName(table).key(key));
        awaitArchives("o-2", 1);
        Map<String, AttributeValue> newer = Map.of("orderId", AttributeValue.fromS("o-2"), "total", AttributeValue.fromN("2"));
        dynamoDb.putItem(b -> b.tableName(table).item(newer));

        Answer restored = restore("{\"keys\": [{\"orderId\": {\"S\": \"o-2\"}}]}");

        assertThat(restored.json().get("outcomes").get(0).get("reason").asText()).isEqualTo("NEWER_LIVE_ITEM");
        assertThat(dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key)).item()).isEqualTo(newer);
    }

    @Test
    @Order(3)
    void anItemDynamoDbExpired_isSkippedWithItsOldTtl_andRestoredWithANewOneFromThePolicy() throws Exception {
        long expiresAt = Instant.now().plusSeconds(2).getEpochSecond();
        Map<String, AttributeValue> key = Map.of("orderId", AttributeValue.fromS("o-3"));
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS("o-3"), "total", AttributeValue.fromN("3"),
                "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
        JsonNode archives = awaitArchives("o-3", 1);
        String objectKey = archives.get("objects").get(0).get("objectKey").asText();
        assertThat(call("GET", "/api/v1/tables/" + table + "/archives/object?key=" + encode(objectKey), null).json()
                .get("cause").asText()).as("swept by DynamoDB Local's TTL").isEqualTo("TTL");

        Answer kept = restore("{\"objects\": [\"" + objectKey + "\"]}");
        assertThat(kept.json().get("outcomes").get(0).get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key)).hasItem()).isFalse();

        long before = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        Answer reset = restore("{\"objects\": [\"" + objectKey + "\"], \"ttl\": \"RESET_FROM_POLICY\"}");
        assertThat(reset.json().get("counts").get("restored").asInt()).as(reset.body()).isEqualTo(1);
        long newTtl = Long.parseLong(dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(key)).item().get("expiresAt").n());
        assertThat(newTtl).isBetween(before, before + 60);
    }

    @Test
    @Order(4)
    void everythingDeletedInATimeRange_isRestoredIntoAnotherTable_andADryRunWritesNothing() throws Exception {
        Instant from = Instant.now().minus(Duration.ofHours(1));
        for (int i = 0; i < 5; i++) {
            String id = "range-" + i;
            String n = Integer.toString(i);
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS(id), "n", AttributeValue.fromN(n))));
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS(id))));
        }
        awaitArchives("range-4", 1);
        String range = "\"deletedFrom\": \"" + from + "\", \"deletedTo\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\"";

        Answer dryRun = restore("{" + range + ", \"targetTable\": \"" + table + "-copy\", \"dryRun\": true}");
        assertThat(dryRun.json().get("counts").get("wouldRestore").asInt()).as(dryRun.body()).isGreaterThanOrEqualTo(5);
        assertThat(dynamoDb.scan(b -> b.tableName(table + "-copy")).count()).isZero();

        Answer restored = restore("{" + range + ", \"targetTable\": \"" + table + "-copy\"}");
        assertThat(restored.json().get("state").asText()).isEqualTo("COMPLETED");
        assertThat(restored.json().get("counts").get("failed").asInt()).isZero();
        for (int i = 0; i < 5; i++) {
            String id = "range-" + i;
            assertThat(dynamoDb.getItem(b -> b.tableName(table + "-copy").consistentRead(true)
                    .key(Map.of("orderId", AttributeValue.fromS(id)))).item()).containsEntry("n", AttributeValue.fromN(Integer.toString(i)));
        }
        assertThat(call("GET", "/api/v1/policies/" + table + "/history", null).body()).contains("RESTORE_REQUESTED", "ITEMS_RESTORED");
    }

    private JsonNode awaitArchives(String orderId, int count) {
        String path = "/api/v1/tables/" + table + "/archives?key=" + encode("{\"orderId\": {\"S\": \"" + orderId + "\"}}");
        return awaitValue("the archive of " + orderId, () -> {
            Answer answer = call("GET", path, null);
            return answer.status() == 200 && answer.json().get("objects").size() >= count ? answer.json() : null;
        });
    }

    private Answer restore(String body) {
        Answer answer = api.postAndWait("/api/v1/tables/" + table + "/restores", body, 30);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    private void createTable(String name) {
        dynamoDb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build()));
    }

    private Answer call(String method, String path, String json) {
        return api.call(method, path, json);
    }

    private static String encode(String value) {
        return AdminApiClient.encode(value);
    }

    private void await(String what, Supplier<Boolean> condition) {
        awaitValue(what, () -> condition.get() ? Boolean.TRUE : null);
    }

    private <T> T awaitValue(String what, Supplier<T> value) {
        return AdminApiClient.awaitValue(what, WAIT, value, () -> "function log " + platform.function().currentLog());
    }
}
