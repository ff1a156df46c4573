package dev.lifecycle.http.replay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/replays on the in-memory failure queue, stream and archive store. */
@QuarkusTest
class ReplayApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Instant DELETED_AT = Instant.parse("2026-11-22T10:15:30Z");

    private String table;
    private String streamArn;

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    @BeforeEach
    void aGovernedTableWithAStream() {
        InMemoryAdminPorts.FAILURES.clear();
        table = Policies.uniqueId("replay");
        streamArn = "arn:aws:dynamodb:us-east-1:123456789012:table/" + table + "/stream/2026-11-22T00:00:00.000";
        admin().contentType(ContentType.JSON).body(Policies.body(table)).post("/api/v1/policies").then().statusCode(201);
    }

    @Test
    void aFailedBatch_isRecovered_andTheReportSaysSo() {
        removal("101", "o-1");
        removal("102", "o-2");
        InMemoryAdminPorts.FAILURES.send(batch("101", "102", 2));

        admin().contentType(ContentType.JSON).body("{\"maxBatches\": 5}").post("/api/v1/replays").then().statusCode(200)
                .body("stopReason", equalTo("QUEUE_EMPTY"))
                .body("totals.messages", equalTo(1)).body("totals.deleted", equalTo(1)).body("totals.recovered", equalTo(2))
                .body("totals.lost", equalTo(0))
                .body("messages[0].outcome", equalTo("REPLAYED")).body("messages[0].deleted", equalTo(true))
                .body("messages[0].batch.table", equalTo(table)).body("messages[0].records.recovered", equalTo(2));

        assertThat(InMemoryAdminPorts.FAILURES.size()).isZero();
        given().auth().oauth2(Tokens.viewer()).get("/api/v1/policies/" + table + "/history").then().statusCode(200);
    }

    @Test
    void aBatchThatFailsAgain_isReportedWithTheRecord_andStaysOnTheQueue() {
        removal("201", "o-3");
        InMemoryAdminPorts.ARCHIVES.failWritesOf("201");
        try {
            InMemoryAdminPorts.FAILURES.send(batch("201", "201", 1));

            admin().post("/api/v1/replays").then().statusCode(200)
                    .body("totals.leftOnQueue", equalTo(1)).body("totals.failed", equalTo(1))
                    .body("messages[0].outcome", equalTo("FAILED_AGAIN")).body("messages[0].deleted", equalTo(false))
                    .body("messages[0].failures[0].sequenceNumber", equalTo("201"))
                    .body("messages[0].failures[0].retryable", equalTo(true));
        } finally {
            InMemoryAdminPorts.ARCHIVES.healAll();
        }
        assertThat(InMemoryAdminPorts.FAILURES.size()).isEqualTo(1);
    }

    @Test
    void aRangeThatAgedOut_isReportedLost() {
        removal("301", "o-4");
        InMemoryAdminPorts.STREAM.trimThrough(streamArn, "shard-1", SequenceNumber.of("350"));
        InMemoryAdminPorts.FAILURES.send(batch("301", "301", 1));

        admin().post("/api/v1/replays").then().statusCode(200)
                .body("totals.lost", equalTo(1)).body("messages[0].outcome", equalTo("REPLAYED"))
                .body("messages[0].lost.from", equalTo("301")).body("messages[0].lost.missingRecords", equalTo(1))
                .body("messages[0].lost.description", org.hamcrest.Matchers.containsString("aged out"));
    }

    @Test
    void anUnreadableMessage_isReportedWithItsReason() {
        InMemoryAdminPorts.FAILURES.sendUnreadable("DDBStreamBatchInfo: is missing");

        admin().post("/api/v1/replays").then().statusCode(200)
                .body("totals.unreadable", equalTo(1)).body("messages[0].outcome", equalTo("UNREADABLE"))
                .body("messages[0].reason", equalTo("DDBStreamBatchInfo: is missing"));
    }

    @Test
    void aMaxBatchesOutOfRange_isA400ProblemNamingTheField() {
        admin().contentType(ContentType.JSON).body("{\"maxBatches\": 0}").post("/api/v1/replays").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", hasItem("maxBatches"));
    }

    @Test
    void anUnknownField_isA400Problem() {
        admin().contentType(ContentType.JSON).body("{\"max\": 3}").post("/api/v1/replays").then().statusCode(400)
                .contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:unknown-field"));
    }

    @Test
    void aQueueThatCannotBeRead_isA503Problem() {
        InMemoryAdminPorts.FAILURES.failReceives(true);
        try {
            admin().post("/api/v1/replays").then().statusCode(503).contentType(PROBLEM)
                    .body("type", equalTo("urn:lifecycle:problem:dependency-failure")).body("service", equalTo("SQS"));
        } finally {
            InMemoryAdminPorts.FAILURES.failReceives(false);
        }
    }

    private void removal(String sequence, String orderId) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("orderId", AttributeValue.s(orderId));
        attributes.put("total", AttributeValue.n("129.90"));
        Item old = new Item(attributes);
        InMemoryAdminPorts.STREAM.append(streamArn, "shard-1", new ChangeRecord("event-" + sequence, EventName.REMOVE,
                TableName.of(table), Map.of("orderId", AttributeValue.s(orderId)), Optional.of(old), Optional.empty(),
                SequenceNumber.of(sequence), DELETED_AT, Optional.empty(), StreamViewType.NEW_AND_OLD_IMAGES));
    }

    private FailedBatch batch(String from, String to, int size) {
        return new FailedBatch(streamArn, TableName.of(table), "shard-1", SequenceNumber.of(from), SequenceNumber.of(to), size,
                Optional.empty(), Optional.empty(), "RetryAttemptsExhausted");
    }
}
