package dev.lifecycle.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/**
 * Legal holds on the whole local platform: a hold stops a TTL expiry that DynamoDB Local's sweeper
 * carries out on an unheld twin, its archive objects carry an S3 legal hold, and the release gives
 * the TTL back, after which the item expires and is archived like any other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HoldEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);

    private LocalPlatform platform;
    private DynamoDbClient dynamoDb;
    private AdminApiClient api;
    private final String table = "held-" + UUID.randomUUID().toString().substring(0, 8);
    private final String bucket = "locked-" + UUID.randomUUID().toString().substring(0, 8);
    private long expiresAt;

    @BeforeAll
    void start() throws Exception {
        Path output = Path.of("target", "hold-e2e-" + UUID.randomUUID().toString().substring(0, 8));
        platform = LocalPlatform.start(LocalPlatform.Settings.freePorts(Path.of(".."), output, Duration.ofMillis(500)));
        dynamoDb = platform.aws().dynamoDb();
        api = new AdminApiClient(platform.adminApi(), Files.readString(platform.output().resolve("admin.jwt")).trim());
        platform.aws().s3().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build()));
        String policy = "{\"id\": \"" + table + "\", \"table\": \"" + table + "\", \"partitionKey\": \"orderId\", "
                + "\"ttlAttribute\": \"expiresAt\", \"retention\": \"P30D\", \"archivedCauses\": [\"TTL\", \"USER\"], "
                + "\"bucket\": \"" + bucket + "\", \"prefix\": \"holds-e2e\", \"archiveExpiryDays\": 30}";
        assertThat(call("POST", "/api/v1/policies", policy).status()).isEqualTo(201);
        Answer applied = call("POST", "/api/v1/policies/" + table + "/apply", null);
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
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
    void aHold_stopsATtlExpiry_thatDynamoDbCarriesOutOnTheUnheldTwin() {
        expiresAt = Instant.now().plusSeconds(3).getEpochSecond();
        put("held-1", expiresAt);
        put("twin-1", expiresAt);

        Answer placed = call("POST", "/api/v1/holds", "{\"id\": \"" + table + "-case\", \"table\": \"" + table
                + "\", \"key\": {\"orderId\": {\"S\": \"held-1\"}}, \"reason\": \"litigation 2026-17\"}");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(item("held-1")).as("the TTL is gone before the API answers").doesNotContainKey("expiresAt");

        awaitArchives("twin-1");
        assertThat(item("twin-1")).as("the unheld twin expired").isEmpty();
        assertThat(item("held-1")).as("the held item is still there").containsEntry("orderId", AttributeValue.fromS("held-1"));
    }

    @Test
    @Order(2)
    void theArchiveOfAHeldItem_carriesAnS3LegalHold_untilTheHoldIsReleased() {
        put("deleted-1", Instant.now().plus(Duration.ofDays(1)).getEpochSecond());
        dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS("deleted-1"))));
        String objectKey = awaitArchives("deleted-1").get("objects").get(0).get("objectKey").asText();

        assertThat(call("POST", "/api/v1/holds", "{\"id\": \"" + table + "-archive\", \"table\": \"" + table
                + "\", \"partitionKeyPrefix\": \"deleted-\", \"reason\": \"regulator inquiry\"}").status()).isEqualTo(201);
        Answer enforced = call("POST", "/api/v1/holds/enforce", null);
        assertThat(enforced.status()).as(enforced.body()).isEqualTo(200);
        assertThat(legalHold(objectKey)).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(call("GET", "/api/v1/holds/" + table + "-archive", null).json().get("archivesHeldThrough").asText()).isNotEmpty();

        assertThat(call("POST", "/api/v1/holds/" + table + "-archive/release", null).status()).isEqualTo(200);
        call("POST", "/api/v1/holds/enforce", null);
        assertThat(legalHold(objectKey)).isEqualTo(ObjectLockLegalHoldStatus.OFF);
        assertThat(call("GET", "/api/v1/holds/" + table + "-archive", null).status()).as("cleaned up").isEqualTo(404);
    }

    @Test
    @Order(3)
    void theRelease_givesTheOriginalTtlBack_andTheItemThenExpiresAndIsArchived() {
        Answer released = call("POST", "/api/v1/holds/" + table + "-case/release", null);
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        // The release starts an enforcement run in the background; this one waits for it, or does the work.
        assertThat(call("POST", "/api/v1/holds/enforce", null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/holds/" + table + "-case", null).status()).as("cleaned up").isEqualTo(404);

        JsonNode archives = awaitArchives("held-1");
        String objectKey = archives.get("objects").get(0).get("objectKey").asText();
        JsonNode entry = call("GET", "/api/v1/tables/" + table + "/archives/object?key=" + encode(objectKey), null).json();
        assertThat(entry.get("cause").asText()).isEqualTo("TTL");
        assertThat(entry.get("oldImage").get("expiresAt").get("N").asLong()).as("the original TTL").isEqualTo(expiresAt);
        assertThat(call("GET", "/api/v1/policies/" + table + "/history", null).body()).contains("HOLD_PLACED", "HOLD_RELEASED");
    }

    private void put(String orderId, long ttl) {
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS(orderId),
                "total", AttributeValue.fromN("10"), "expiresAt", AttributeValue.fromN(Long.toString(ttl)))));
    }

    private Map<String, AttributeValue> item(String orderId) {
        return dynamoDb.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of("orderId", AttributeValue.fromS(orderId)))).item();
    }

    private ObjectLockLegalHoldStatus legalHold(String objectKey) {
        return platform.aws().s3().getObjectLegalHold(b -> b.bucket(bucket).key(objectKey)).legalHold().status();
    }

    private JsonNode awaitArchives(String orderId) {
        String path = "/api/v1/tables/" + table + "/archives?key=" + encode("{\"orderId\": {\"S\": \"" + orderId + "\"}}");
        return awaitValue("the archive of " + orderId, () -> {
            Answer answer = call("GET", path, null);
            return answer.status() == 200 && answer.json().get("objects").size() >= 1 ? answer.json() : null;
        });
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
