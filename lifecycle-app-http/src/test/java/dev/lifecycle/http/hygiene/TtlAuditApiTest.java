package dev.lifecycle.http.hygiene;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TTL audit through the API, on in-memory tables: run now, read the last, refusals. */
@QuarkusTest
class TtlAuditApiTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    /** A declared policy (key orderId, TTL expiresAt) whose table holds 3 good items, 2 without TTL and 1 in milliseconds. */
    private static String policyWithAMixedTable(String prefix) {
        String id = Policies.uniqueId(prefix);
        TableName table = TableName.of(id);
        InMemoryAdminPorts.TABLE_SCANS.createTable(table, KeySchema.partitionKey("orderId"));
        long future = Instant.now().plus(Duration.ofDays(30)).getEpochSecond();
        for (int i = 0; i < 3; i++) {
            InMemoryAdminPorts.TABLE_SCANS.put(table, item("good-" + i, AttributeValue.n(future)));
        }
        InMemoryAdminPorts.TABLE_SCANS.put(table, new Item(Map.of("orderId", AttributeValue.s("missing-1"))));
        InMemoryAdminPorts.TABLE_SCANS.put(table, new Item(Map.of("orderId", AttributeValue.s("missing-2"))));
        InMemoryAdminPorts.TABLE_SCANS.put(table, item("millis-1", AttributeValue.n(future * 1000)));
        admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies").then().statusCode(201);
        return id;
    }

    private static Item item(String orderId, AttributeValue ttl) {
        return new Item(Map.of("orderId", AttributeValue.s(orderId), "expiresAt", ttl));
    }

    @Test
    void anAdminsAudit_returnsTheCountsPerFinding_withSampleKeys() {
        String id = policyWithAMixedTable("audit");

        admin().post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(200).contentType(ContentType.JSON)
                .body("policyId", equalTo(id)).body("table", equalTo(id)).body("ttlAttribute", equalTo("expiresAt"))
                .body("complete", equalTo(true)).body("outcome", equalTo("COMPLETE")).body("stopReason", nullValue())
                .body("itemsScanned", equalTo(6)).body("healthy", equalTo(3)).body("flagged", equalTo(3))
                .body("findings.MISSING.count", equalTo(2))
                .body("findings.MISSING.sampleKeys.orderId.S", equalTo(List.of("missing-1", "missing-2")))
                .body("findings.MILLISECONDS.count", equalTo(1))
                .body("findings.STRING_TYPED.count", equalTo(0)).body("findings.STRING_TYPED.sampleKeys", hasSize(0))
                .body("findings.EXPIRED_NOT_SWEPT.meaning", containsString("still there"))
                .body("startedAt", notNullValue()).body("bounds.sweepGrace", equalTo("PT48H"));
    }

    @Test
    void theLastReport_isReadableByAViewer_afterAnAudit() {
        String id = policyWithAMixedTable("last");
        admin().post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(200);

        viewer().get("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(200)
                .body("itemsScanned", equalTo(6)).body("findings.MISSING.count", equalTo(2));
    }

    @Test
    void beforeTheFirstAudit_theLastReport_is404ProblemSayingSo() {
        String id = policyWithAMixedTable("none-yet");

        viewer().get("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:ttl-audit-not-found")).body("policyId", equalTo(id))
                .body("detail", containsString("has run yet"));
    }

    @Test
    void aViewer_mayNotRunAnAudit() {
        String id = policyWithAMixedTable("viewer");

        viewer().post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:forbidden"));
        viewer().get("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(404);
    }

    @Test
    void maxItems_stopsTheAudit_andTheReportSaysWhy() {
        String id = policyWithAMixedTable("bounded");

        admin().queryParam("maxItems", 4).post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(200)
                .body("complete", equalTo(false)).body("outcome", equalTo("STOPPED")).body("stopReason", equalTo("ITEM_LIMIT"))
                .body("itemsScanned", equalTo(4)).body("bounds.maxItems", equalTo(4));
    }

    @Test
    void aBadMaxItems_is400_namingTheField() {
        String id = policyWithAMixedTable("bad-max");

        admin().queryParam("maxItems", "0").post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:invalid-request"))
                .body("violations[0].field", equalTo("maxItems"))
                .body("violations[0].reason", equalTo("'0' is not a whole number of at least 1"));
    }

    @Test
    void aPolicyWhoseTableIsMissing_getsAFailedReport_notAnError() {
        String id = Policies.uniqueId("no-table");
        admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies").then().statusCode(201);

        admin().post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(200)
                .body("outcome", equalTo("FAILED")).body("problem", equalTo("table '" + id + "' does not exist"))
                .body("itemsScanned", equalTo(0));
    }

    @Test
    void aSecondAuditWhileOneRuns_is409_andTheFirstStillAnswers() throws Exception {
        String id = policyWithAMixedTable("running");
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        InMemoryAdminPorts.TABLE_SCANS.pausingNextScan(entered, release);
        String token = Tokens.admin();
        java.util.concurrent.CompletableFuture<Integer> first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                given().auth().oauth2(token).post("/api/v1/policies/" + id + "/ttl-audit").statusCode());
        try {
            org.assertj.core.api.Assertions.assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            admin().post("/api/v1/policies/" + id + "/ttl-audit").then().statusCode(409).contentType(PROBLEM)
                    .body("type", equalTo("urn:lifecycle:problem:ttl-audit-running")).body("policyId", equalTo(id));
        } finally {
            release.countDown();
        }
        org.assertj.core.api.Assertions.assertThat(first.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
    }

    @Test
    void anUnknownPolicy_is404ForBoth() {
        admin().post("/api/v1/policies/nobody-here/ttl-audit").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:policy-not-found"));
        viewer().get("/api/v1/policies/nobody-here/ttl-audit").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:policy-not-found"));
    }
}
