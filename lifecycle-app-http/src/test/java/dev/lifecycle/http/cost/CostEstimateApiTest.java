package dev.lifecycle.http.cost;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The cost estimate through the API: its shape, its defaults, and every refusal as problem+json naming the field. */
@QuarkusTest
class CostEstimateApiTest {

    private static final String PROBLEM = "application/problem+json";

    /** A declared policy (STANDARD_IA after 30 days, GLACIER after 120, expiry 400, archives TTL and USER). */
    private static String declared() {
        String id = Policies.uniqueId("cost");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies")
                .then().statusCode(201);
        return id;
    }

    private static io.restassured.response.ValidatableResponse estimate(String id, String body) {
        return given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/policies/" + id + "/cost-estimate").then();
    }

    @Test
    void aViewerGetsBothLayoutsSideBySide_thePolicysOwnMarkedCurrent() {
        String id = declared();

        estimate(id, "{\"deletionsPerDay\": 1000000, \"averageItemBytes\": 2048}")
                .statusCode(200).contentType(ContentType.JSON)
                .body("policyId", equalTo(id)).body("policyVersion", equalTo(1)).body("currency", equalTo("USD"))
                .body("assumptions.months", equalTo(12)).body("assumptions.architecture", equalTo("arm64"))
                .body("assumptions.batchSize", equalTo(1000)).body("assumptions.batchingWindowSeconds", equalTo(5))
                .body("assumptions.versionedBucket", equalTo(true)).body("assumptions.daysPerMonth", equalTo(30))
                .body("workload.invocationsPerMonth", equalTo(518400)).body("workload.partitionsPerBatch", equalTo(2.0f))
                .body("archiveLifetimeDays", equalTo(430))
                .body("perItem.layout", equalTo("PER_ITEM")).body("perItem.current", equalTo(true))
                .body("perItem.objectBytes", equalTo(3072)).body("perItem.objectsPerMonth", equalTo(30000000))
                .body("perItem.transitioned", equalTo(false))
                .body("perItem.months", hasSize(12)).body("perItem.months[0].month", equalTo(1))
                .body("perItem.months[0].s3Puts", equalTo(150.0f))
                .body("perItem.months[0].storageByClass", hasKey("STANDARD"))
                .body("perItem.months[0].storageByClass", not(hasKey("STANDARD_IA")))
                .body("perItem.total", not(hasKey("month")))
                .body("perItem.steadyFromMonth", equalTo(16)).body("perItem.steadyMonth.month", equalTo(16))
                .body("batched.layout", equalTo("BATCHED")).body("batched.current", equalTo(false))
                .body("batched.description", containsString("compressed NDJSON"))
                .body("batched.objectsPerMonth", equalTo(1036800))
                .body("batchingSaves.months", hasSize(12)).body("batchingSaves.months[0].perItem", equalTo(152.86f))
                .body("notes[0]", startsWith("The policy archives PER_ITEM"))
                .body("notes", hasItem(startsWith("Per-item objects (about 3,072 bytes) are under 128 KiB")));
    }

    @Test
    void theAssumptionsGiven_replaceTheDefaults() {
        String id = declared();

        estimate(id, """
                {"deletionsPerDay": 1000000, "averageItemBytes": 2048, "months": 3, "restoresPerMonth": 1000, "architecture": "x86_64",
                 "memoryMb": 512, "batchSize": 100, "batchingWindowSeconds": 60, "shards": 2, "invocationOverheadMs": 50.5,
                 "perRecordMs": 2, "compressionRatio": 0.5, "entryOverheadBytes": 0, "versionedBucket": false}""")
                .statusCode(200)
                .body("assumptions.months", equalTo(3)).body("assumptions.architecture", equalTo("x86_64"))
                .body("assumptions.perRecordMs", equalTo(2.0f)).body("assumptions.compressionRatio", equalTo(0.5f))
                .body("workload.recordsPerBatch", equalTo(100.0f))
                .body("archiveLifetimeDays", equalTo(400))
                .body("perItem.objectBytes", equalTo(2048)).body("perItem.months", hasSize(3));
    }

    @Test
    void missingFigures_are400_namingEachField() {
        estimate(declared(), "{}").statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:invalid-request"))
                .body("violations.field", hasItems("deletionsPerDay", "averageItemBytes"));
    }

    @Test
    void valuesOutOfRange_are400_withEveryFieldAndItsLimits() {
        estimate(declared(), """
                {"deletionsPerDay": 0, "averageItemBytes": 500000, "months": 0, "architecture": "sparc", "compressionRatio": 1.5}""")
                .statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("5 fields of the request are invalid"))
                .body("violations.field", hasItems("deletionsPerDay", "averageItemBytes", "months", "architecture", "compressionRatio"))
                .body("violations.find { it.field == 'averageItemBytes' }.reason", equalTo("must be from 1 to 409600, was 500000"));
    }

    @Test
    void aWrongType_is400_namingTheField() {
        estimate(declared(), "{\"deletionsPerDay\": \"1000\", \"averageItemBytes\": 2048}")
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:wrong-type"))
                .body("violations[0].field", equalTo("deletionsPerDay"));
        estimate(declared(), "{\"deletionsPerDay\": 1000, \"averageItemBytes\": 2048, \"compressionRatio\": \"half\"}")
                .statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("compressionRatio"))
                .body("violations[0].reason", containsString("a number"));
    }

    @Test
    void anUnknownField_is400_namingIt() {
        estimate(declared(), "{\"deletionsPerDay\": 1000, \"averageItemBytes\": 2048, \"deletesPerDay\": 5}")
                .statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:unknown-field"))
                .body("violations[0].field", equalTo("deletesPerDay"));
    }

    @Test
    void noBody_is400() {
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).post("/api/v1/policies/" + declared() + "/cost-estimate")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUnknownPolicy_is404() {
        estimate("no-such-policy", "{\"deletionsPerDay\": 1000, \"averageItemBytes\": 2048}")
                .statusCode(404).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:policy-not-found"));
    }

    @Test
    void aPolicyWithoutExpiry_neverSettles() {
        String id = Policies.uniqueId("cost-forever");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Policies.body(id).replaceAll(",\\s*\"archiveExpiryDays\": 400", "")).post("/api/v1/policies").then().statusCode(201);

        estimate(id, "{\"deletionsPerDay\": 1000, \"averageItemBytes\": 2048, \"months\": 2}").statusCode(200)
                .body("archiveLifetimeDays", nullValue()).body("perItem.steadyFromMonth", nullValue())
                .body("batchingSaves.steadyMonth", nullValue())
                .body("notes", hasItem(startsWith("The policy has no archiveExpiryDays")));
    }
}
