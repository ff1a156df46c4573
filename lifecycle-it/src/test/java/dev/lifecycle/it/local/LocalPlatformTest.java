package dev.lifecycle.it.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.it.aws.EmulatorPorts;
import dev.lifecycle.it.aws.PortTakenException;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The local platform started in this JVM on free ports and its own output folder, so that it never
 * clashes with a platform started by {@code ./mvnw -Plocal}. The last test stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalPlatformTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private Set<Long> childrenBefore;
    private LocalPlatform platform;

    @BeforeAll
    void start() {
        childrenBefore = children();
        Path output = Path.of("target", "local-platform-test-" + UUID.randomUUID().toString().substring(0, 8));
        long begin = System.nanoTime();
        platform = LocalPlatform.start(LocalPlatform.Settings.freePorts(Path.of(".."), output, Duration.ofMillis(500)));
        System.out.printf("[local-platform-test] ready in %d ms%s", (System.nanoTime() - begin) / 1_000_000, platform.banner());
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(0)
    void aFixedPortTaken_failsBeforeAnythingStarts_namingThePropertyThatMovesIt() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Set<Long> before = children();
            LocalPlatform.Settings settings = new LocalPlatform.Settings(Path.of(".."), Path.of("target", "local-platform-port-test"),
                    new EmulatorPorts(port, 0, 0), 0, Duration.ofSeconds(2));

            assertThatThrownBy(() -> LocalPlatform.start(settings))
                    .isInstanceOf(PortTakenException.class)
                    .hasMessageContaining("DynamoDB Local cannot listen on 127.0.0.1:" + port)
                    .hasMessageContaining("-Dlifecycle.local.dynamodb-port=<port>");
            assertThat(children()).isSubsetOf(before);
        }
    }

    @Test
    @Order(1)
    void theAdminApi_answersItsLivenessCheck() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) platform.adminApi().resolve("/q/health/live").toURL().openConnection();

        assertThat(connection.getResponseCode()).isEqualTo(200);
        assertThat(platform.adminApi().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    @Order(2)
    void theTokenFiles_verifyAgainstThePublicKeyPem_withTheirRoles() throws IOException {
        PublicKey key = Jwts.publicKeyFromPem(Files.readString(platform.output().resolve("jwt-public.pem")));
        String admin = Files.readString(platform.output().resolve("admin.jwt"));
        String viewer = Files.readString(platform.output().resolve("viewer.jwt"));

        assertThat(Jwts.signatureVerifies(admin, key)).isTrue();
        assertThat(Jwts.signatureVerifies(viewer, key)).isTrue();
        assertThat(Jwts.claims(admin).get("upn").asText()).isEqualTo("local-admin");
        assertThat(Jwts.claims(admin).get("groups")).extracting(node -> node.asText())
                .containsExactly("lifecycle-admin", "lifecycle-viewer");
        assertThat(Jwts.claims(viewer).get("upn").asText()).isEqualTo("local-viewer");
        assertThat(Jwts.claims(viewer).get("groups")).extracting(node -> node.asText()).containsExactly("lifecycle-viewer");
        assertThat(Jwts.claims(admin).get("exp").asLong() - Jwts.claims(admin).get("iat").asLong()).isEqualTo(12 * 3600);
    }

    @Test
    @Order(3)
    void theDemoResources_exist_andTheDemoTableHasNeitherTtlNorStream() {
        var aws = platform.aws();

        assertThat(aws.dynamoDb().listTables().tableNames()).contains("lifecycle-policies", "orders");
        TableDescription orders = aws.dynamoDb().describeTable(b -> b.tableName("orders")).table();
        assertThat(orders.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName()).isEqualTo("orderId"));
        assertThat(orders.streamSpecification()).isNull();
        assertThat(aws.dynamoDb().describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription().timeToLiveStatusAsString())
                .isEqualTo("DISABLED");
        assertThat(aws.s3().listBuckets().buckets()).anySatisfy(bucket -> assertThat(bucket.name()).isEqualTo("lifecycle-archives"));
        assertThat(aws.sqs().getQueueUrl(b -> b.queueName("lifecycle-failures")).queueUrl()).isEqualTo(platform.failureQueueUrl());
    }

    @Test
    @Order(4)
    void aStreamWithOldImages_isAttachedOnce_andARemoveWithoutPolicy_reachesTheFunctionAndEndsOnTheFailureQueue() {
        var aws = platform.aws();
        assertThat(platform.watcher().attachments()).doesNotContainKey("orders");

        aws.dynamoDb().updateTable(b -> b.tableName("orders")
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String streamArn = aws.dynamoDb().describeTable(b -> b.tableName("orders")).table().latestStreamArn();
        await("the watcher attaches orders", () -> streamArn.equals(platform.watcher().attachments().get("orders")));
        int attached = platform.watcher().attachCount();
        Map<String, AttributeValue> key = Map.of("orderId", AttributeValue.fromS("o-" + UUID.randomUUID()));
        aws.dynamoDb().putItem(b -> b.tableName("orders").item(key));
        aws.dynamoDb().deleteItem(b -> b.tableName("orders").key(key));

        // No policy governs "orders": the function reports the record failed, and past the retry limit
        // the mapping sends its metadata to the failure queue.
        Message failure = awaitValue("a failure message for orders", () -> receive(platform.failureQueueUrl()).stream()
                .filter(message -> message.body().contains(streamArn)).findFirst().orElse(null));
        assertThat(failure.body()).contains("\"condition\":\"RetryAttemptsExhausted\"");
        assertThat(platform.function().log()).contains("no policy governs table 'orders'");
        assertThat(platform.watcher().attachCount()).as("attached once, not at every pass").isEqualTo(attached);
    }

    @Test
    @Order(5)
    void aReplacedStream_movesTheMapping_andADeletedTable_detachesIt() {
        var aws = platform.aws();
        String table = "watched-" + UUID.randomUUID().toString().substring(0, 8);
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.OLD_IMAGE)));
        String first = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        await("the watcher attaches " + table, () -> first.equals(platform.watcher().attachments().get(table)));

        aws.dynamoDb().updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(false)));
        aws.dynamoDb().updateTable(b -> b.tableName(table)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        String second = aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
        assertThat(second).isNotEqualTo(first);
        await("the watcher moves to the new stream", () -> second.equals(platform.watcher().attachments().get(table)));

        aws.dynamoDb().deleteTable(b -> b.tableName(table));
        await("the watcher detaches " + table, () -> !platform.watcher().attachments().containsKey(table));
    }

    @Test
    @Order(6)
    void theAdminApi_declaresAppliesAndWatchesAPolicy_andItsRemovalsAreArchived() throws Exception {
        var aws = platform.aws();
        String table = "walk-" + UUID.randomUUID().toString().substring(0, 8);
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build()));
        String token = Files.readString(platform.output().resolve("admin.jwt")).trim();
        String policy = "{\"id\": \"" + table + "\", \"table\": \"" + table + "\", \"partitionKey\": \"orderId\", "
                + "\"ttlAttribute\": \"expiresAt\", \"retention\": \"P30D\", \"archivedCauses\": [\"TTL\", \"USER\"], "
                + "\"bucket\": \"lifecycle-archives\", \"prefix\": \"walk\", "
                + "\"tiers\": [{\"storageClass\": \"STANDARD_IA\", \"afterDays\": 30}], \"archiveExpiryDays\": 365}";
        String policyPath = "/api/v1/policies/" + table;

        assertThat(http("POST", "/api/v1/policies", token, policy)).startsWith("201 ");
        assertThat(http("GET", policyPath + "/plan", token, null)).startsWith("200 ")
                .contains("\"setting\":\"TTL\"", "\"setting\":\"STREAM\"", "\"setting\":\"LIFECYCLE_RULE\"");
        assertThat(http("POST", policyPath + "/apply", token, null)).startsWith("200 ").contains("\"complete\":true");
        assertThat(http("POST", policyPath + "/apply", token, null)).as("a second apply changes nothing")
                .startsWith("200 ").contains("\"results\":[]");
        TableDescription applied = aws.dynamoDb().describeTable(b -> b.tableName(table)).table();
        assertThat(applied.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(aws.dynamoDb().describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName())
                .isEqualTo("expiresAt");
        await("the watcher attaches " + table, () -> platform.watcher().attachments().containsKey(table));

        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS("o-1"),
                "total", AttributeValue.fromN("129.90"))));
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(Map.of("orderId", AttributeValue.fromS("o-1"))));
        String key = awaitValue("the user delete is archived", () -> aws.s3().listObjectsV2(b -> b.bucket("lifecycle-archives")
                .prefix("walk/" + table + "/")).contents().stream().map(o -> o.key()).findFirst().orElse(null));
        String archive = aws.s3().getObjectAsBytes(b -> b.bucket("lifecycle-archives").key(key)).asUtf8String();
        assertThat(archive).contains("\"cause\": \"USER\"").contains("129.9"); // DynamoDB keeps numbers without trailing zeros

        aws.dynamoDb().updateTimeToLive(b -> b.tableName(table).timeToLiveSpecification(t -> t.attributeName("expiresAt").enabled(false)));
        assertThat(http("POST", policyPath + "/drift-check", token, null)).startsWith("200 ").contains("\"state\":\"DRIFTED\"");
        assertThat(http("GET", "/q/health/group/drift", null, null)).startsWith("503 ").contains(table);
        assertThat(http("POST", policyPath + "/apply", token, null)).startsWith("200 ");
        assertThat(http("POST", policyPath + "/drift-check", token, null)).contains("\"state\":\"IN_SYNC\"");
        assertThat(http("GET", policyPath + "/history", token, null)).contains("POLICY_DECLARED", "POLICY_APPLIED", "local-admin");
    }

    /** "status body" of one request to the admin API. */
    private String http(String method, String path, String token, String json) throws IOException, InterruptedException {
        var request = java.net.http.HttpRequest.newBuilder(platform.adminApi().resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        var response = java.net.http.HttpClient.newHttpClient().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Test
    @Order(7)
    void aBatchThatFailedForWantOfAPolicy_isRecoveredByAReplayThroughTheAdminApi() throws Exception {
        var aws = platform.aws();
        String table = "replayed-" + UUID.randomUUID().toString().substring(0, 8);
        aws.dynamoDb().createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(KeySchemaElement.builder().attributeName("orderId").keyType(KeyType.HASH).build())
                .attributeDefinitions(AttributeDefinition.builder().attributeName("orderId").attributeType(ScalarAttributeType.S).build())
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        await("the watcher attaches " + table, () -> platform.watcher().attachments().containsKey(table));
        Map<String, AttributeValue> key = Map.of("orderId", AttributeValue.fromS("o-1"));
        aws.dynamoDb().putItem(b -> b.tableName(table).item(Map.of("orderId", AttributeValue.fromS("o-1"),
                "total", AttributeValue.fromN("42.5"))));
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
        // Seen without hiding it (visibility 0): the replay must find it.
        awaitValue("the failure message for " + table, () -> platform.aws().sqs().receiveMessage(b -> b.queueUrl(platform.failureQueueUrl())
                .maxNumberOfMessages(10).visibilityTimeout(0).waitTimeSeconds(1)).messages().stream()
                .filter(message -> message.body().contains("table/" + table + "/")).findFirst().orElse(null));
        String token = Files.readString(platform.output().resolve("admin.jwt")).trim();
        String policy = "{\"id\": \"" + table + "\", \"table\": \"" + table + "\", \"partitionKey\": \"orderId\", "
                + "\"ttlAttribute\": \"expiresAt\", \"retention\": \"P30D\", \"archivedCauses\": [\"TTL\", \"USER\"], "
                + "\"bucket\": \"lifecycle-archives\", \"prefix\": \"replayed\", "
                + "\"tiers\": [{\"storageClass\": \"STANDARD_IA\", \"afterDays\": 30}], \"archiveExpiryDays\": 365}";
        assertThat(http("POST", "/api/v1/policies", token, policy)).startsWith("201 ");

        String report = awaitValue("a replay that recovers " + table, () -> {
            try {
                String answer = http("POST", "/api/v1/replays", token, "{\"maxBatches\": 10}");
                return answer.contains("\"table\":\"" + table + "\"") ? answer : null;
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(report).startsWith("200 ").contains("\"outcome\":\"REPLAYED\"");
        assertThat(aws.s3().listObjectsV2(b -> b.bucket("lifecycle-archives").prefix("replayed/" + table + "/")).contents()).hasSize(1);
        assertThat(http("GET", "/api/v1/policies/" + table + "/history", token, null)).startsWith("200 ");
    }

    @Test
    @Order(8)
    void closing_stopsEveryProcessItStarted() {
        Set<Long> started = children().stream().filter(pid -> !childrenBefore.contains(pid)).collect(Collectors.toSet());
        assertThat(started).as("emulators, admin API and function").hasSizeGreaterThanOrEqualTo(5);
        URI adminApi = platform.adminApi();

        platform.close();

        assertThat(children()).doesNotContainAnyElementsOf(started);
        assertThat(started).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(answers(adminApi)).isFalse();
    }

    private static Set<Long> children() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static boolean answers(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Message> receive(String queueUrl) {
        return platform.aws().sqs().receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
    }

    private void await(String what, Supplier<Boolean> condition) {
        awaitValue(what, () -> condition.get() ? Boolean.TRUE : null);
    }

    private <T> T awaitValue(String what, Supplier<T> value) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (T found = value.get(); ; found = value.get()) {
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting until " + what + "; attachments "
                        + platform.watcher().attachments() + "; function log " + platform.function().currentLog());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
