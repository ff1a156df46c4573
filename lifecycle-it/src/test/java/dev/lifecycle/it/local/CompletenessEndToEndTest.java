package dev.lifecycle.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.it.local.AdminApiClient.Answer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The completeness ledger on the whole local platform: users delete items, DynamoDB Local's TTL
 * sweeper expires others, the deployed stream processor archives and counts them, and the packaged
 * admin API's report for the day shows the counts per cause and COMPLETE; an archive object
 * deleted behind the platform's back turns it into MISSING_OBJECTS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CompletenessEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String BUCKET = "lifecycle-archives";

    private LocalPlatform platform;
    private DynamoDbClient dynamoDb;
    private AdminApiClient api;
    private final String table = "complete-" + UUID.randomUUID().toString().substring(0, 8);
    private LocalDate day;

    @BeforeAll
    void start() throws Exception {
        Path output = Path.of("target", "completeness-e2e-" + UUID.randomUUID().toString().substring(0, 8));
        platform = LocalPlatform.start(LocalPlatform.Settings.freePorts(Path.of(".."), output, Duration.ofMillis(500)));
        dynamoDb = platform.aws().dynamoDb();
        api = new AdminApiClient(platform.adminApi(), Files.readString(platform.output().resolve("viewer.jwt")).trim());
        AdminApiClient admin = new AdminApiClient(platform.adminApi(), Files.readString(platform.output().resolve("admin.jwt")).trim());
        dynamoDb.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build()));
        String policy = "{\"id\": \"" + table + "\", \"table\": \"" + table + "\", \"partitionKey\": \"orderId\", "
                + "\"ttlAttribute\": \"expiresAt\", \"retention\": \"P30D\", \"archivedCauses\": [\"TTL\", \"EXPIRED\", \"USER\"], "
                + "\"bucket\": \"" + BUCKET + "\", \"prefix\": \"completeness-e2e\", \"archiveExpiryDays\": 365}";
        assertThat(admin.call("POST", "/api/v1/policies", policy).status()).isEqualTo(201);
        assertThat(admin.call("POST", "/api/v1/policies/" + table + "/apply", null).status()).isEqualTo(200);
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
    void userDeletesAndTtlExpiries_areCountedPerCause_andTheDayIsComplete() throws InterruptedException {
        avoidMidnightUtc();
        day = LocalDate.now(ZoneOffset.UTC);
        long expiresAt = Instant.now().plusSeconds(2).getEpochSecond();
        for (int i = 0; i < 2; i++) {
            String id = "expiring-" + i;
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS(id),
                    "expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
        }
        for (int i = 0; i < 3; i++) {
            String id = "deleted-" + i;
            dynamoDb.putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS(id), "total", AttributeValue.fromN("1"))));
            dynamoDb.deleteItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS(id))));
        }

        JsonNode report = awaitReport(json -> json.get("total").get("archived").asInt() >= 5);

        assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("COMPLETE");
        assertThat(report.get("objectsPresent").asInt()).isEqualTo(5);
        assertThat(report.get("byCause").get("USER").get("archived").asInt()).isEqualTo(3);
        assertThat(report.get("byCause").get("TTL").get("archived").asInt()).as("swept by DynamoDB Local's TTL").isEqualTo(2);
        assertThat(report.get("byCause").has("EXPIRED")).isFalse();
        assertThat(report.get("total").get("failed").asInt()).isZero();
        // Inserts never reach the function (the mapping's REMOVE filter), so nothing is skipped.
        assertThat(report.get("total").get("received").asInt()).isEqualTo(5);
    }

    @Test
    @Order(2)
    void anArchiveObjectDeletedInS3_makesTheDayMissingObjects() {
        Answer listing = api.call("GET", "/api/v1/tables/" + table + "/archives?day=" + day, null);
        String objectKey = listing.json().get("objects").get(0).get("objectKey").asText();

        platform.aws().s3().deleteObject(b -> b.bucket(BUCKET).key(objectKey));

        JsonNode report = report();
        assertThat(report.get("verdict").asText()).as(report.toString()).isEqualTo("MISSING_OBJECTS");
        assertThat(report.get("objectsPresent").asInt()).isEqualTo(4);
        assertThat(report.get("total").get("archived").asInt()).isEqualTo(5);
        assertThat(report.get("findings").get(0).asText()).startsWith("1 of the 5 objects the processor wrote are not present");
    }

    private JsonNode report() {
        Answer answer = api.call("GET", "/api/v1/tables/" + table + "/completeness?day=" + day, null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode awaitReport(java.util.function.Predicate<JsonNode> ready) {
        return awaitValue("the completeness report of " + table + " on " + day, () -> {
            JsonNode report = report();
            return ready.test(report) ? report : null;
        });
    }

    /** The removals must all fall on the day the test reads: start after midnight UTC when it is close. */
    private static void avoidMidnightUtc() throws InterruptedException {
        Instant now = Instant.now();
        Instant midnight = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (Duration.between(now, midnight).compareTo(Duration.ofSeconds(60)) < 0) {
            Thread.sleep(Duration.between(now, midnight).plusSeconds(2).toMillis());
        }
    }

    private void await(String what, Supplier<Boolean> condition) {
        awaitValue(what, () -> condition.get() ? Boolean.TRUE : null);
    }

    private <T> T awaitValue(String what, Supplier<T> value) {
        return AdminApiClient.awaitValue(what, WAIT, value, () -> "function log " + platform.function().currentLog());
    }
}
