package dev.lifecycle.http.apply;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TtlStatus;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plan, apply, status and drift check through the API, on in-memory tables and buckets. */
@QuarkusTest
class ApplyApiTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    /** A declared policy whose table (no TTL, no stream) and bucket exist. */
    private static String policyWithFreshTableAndBucket(String prefix, String bucket) {
        String id = Policies.uniqueId(prefix);
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), new KeySchema("orderId", Optional.empty()));
        InMemoryAdminPorts.BUCKETS.createBucket(BucketName.of(bucket));
        admin().contentType(ContentType.JSON).body(Policies.body(id).replace("acme-archive", bucket)).post("/api/v1/policies")
                .then().statusCode(201);
        return id;
    }

    @Test
    void plan_listsWhatMustChange_thenApply_makesIt_andASecondApplyChangesNothing() {
        String id = policyWithFreshTableAndBucket("apply", "bucket-" + Policies.uniqueId("a"));

        viewer().get("/api/v1/policies/" + id + "/plan").then().statusCode(200)
                .body("upToDate", equalTo(false)).body("policyVersion", equalTo(1))
                .body("changes.setting", equalTo(java.util.List.of("TTL", "STREAM", "LIFECYCLE_RULE")))
                .body("changes[0].feasibility", equalTo("IN_PLACE")).body("changes[0].consequence", notNullValue());

        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200)
                .body("complete", equalTo(true)).body("results", hasSize(3)).body("results.status", not(containsString("FAILED")));
        viewer().get("/api/v1/policies/" + id + "/plan").then().statusCode(200).body("upToDate", equalTo(true));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200).body("results", hasSize(0));
        viewer().get("/api/v1/policies/" + id + "/history").then().body("items.action", org.hamcrest.Matchers.hasItem("POLICY_APPLIED"));
    }

    @Test
    void aStreamWithoutOldImages_needsConsent_andApplyWithoutIt_is409WithEachResult() {
        String id = policyWithFreshTableAndBucket("consent", "bucket-" + Policies.uniqueId("c"));
        InMemoryAdminPorts.TABLES.setStream(TableName.of(id), Optional.of(StreamViewType.KEYS_ONLY));

        viewer().get("/api/v1/policies/" + id + "/plan").then().statusCode(200)
                .body("changes.find { it.setting == 'STREAM' }.feasibility", equalTo("NEEDS_CONSENT"));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:apply-incomplete"))
                .body("results.find { it.change.setting == 'STREAM' }.status", equalTo("NOT_ALLOWED"))
                .body("results.find { it.change.setting == 'TTL' }.status", equalTo("APPLIED"));

        admin().contentType(ContentType.JSON).body("{\"consentTo\": [\"STREAM\"]}").post("/api/v1/policies/" + id + "/apply")
                .then().statusCode(200).body("complete", equalTo(true));
    }

    @Test
    void aBadConsent_is400_namingTheEntry() {
        String id = policyWithFreshTableAndBucket("bad-consent", "bucket-" + Policies.uniqueId("b"));

        admin().contentType(ContentType.JSON).body("{\"consentTo\": [\"STREAM\", \"EVERYTHING\"]}").post("/api/v1/policies/" + id + "/apply")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("consentTo[1]"));
    }

    @Test
    void applyWithAStaleIfMatch_is412_andChangesNothing() {
        String id = policyWithFreshTableAndBucket("stale-apply", "bucket-" + Policies.uniqueId("s"));

        admin().header("If-Match", "\"2\"").post("/api/v1/policies/" + id + "/apply").then().statusCode(412).contentType(PROBLEM);
        viewer().get("/api/v1/policies/" + id + "/plan").then().body("upToDate", equalTo(false));
        admin().header("If-Match", "\"1\"").post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
    }

    @Test
    void aMissingTable_is409ProblemForPlan() {
        String id = Policies.uniqueId("no-table");
        admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies").then().statusCode(201);

        viewer().get("/api/v1/policies/" + id + "/plan").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:table-not-found")).body("table", equalTo(id));
    }

    @Test
    void status_isNotCheckedAtFirst_thenDriftedAfterAChangeBehindThePlatformsBack_thenInSyncAfterApply() {
        String id = policyWithFreshTableAndBucket("drift", "bucket-" + Policies.uniqueId("d"));
        viewer().get("/api/v1/policies/" + id + "/status").then().statusCode(200).body("state", equalTo("NOT_CHECKED"));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
        viewer().get("/api/v1/policies/" + id + "/status").then().statusCode(200).body("state", equalTo("IN_SYNC"));

        InMemoryAdminPorts.TABLES.setTtl(TableName.of(id), TtlStatus.DISABLED, Optional.empty());
        admin().post("/api/v1/policies/" + id + "/drift-check").then().statusCode(200)
                .body("state", equalTo("DRIFTED")).body("differences[0].setting", equalTo("TTL"));
        viewer().get("/api/v1/policies/" + id + "/status").then().statusCode(200).body("state", equalTo("DRIFTED"))
                .body("checkedAt", notNullValue());
        given().get("/q/health/group/drift").then().statusCode(503).body("checks[0].data." + id, containsString("DRIFTED"));

        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
        viewer().get("/api/v1/policies/" + id + "/status").then().body("state", equalTo("IN_SYNC"));
    }

    @Test
    void planApplyAndStatusOfAnUnknownPolicy_are404() {
        viewer().get("/api/v1/policies/nobody-here/plan").then().statusCode(404).contentType(PROBLEM);
        admin().post("/api/v1/policies/nobody-here/apply").then().statusCode(404).contentType(PROBLEM);
        viewer().get("/api/v1/policies/nobody-here/status").then().statusCode(404).contentType(PROBLEM);
        admin().post("/api/v1/policies/nobody-here/drift-check").then().statusCode(404).contentType(PROBLEM);
    }
}
