package dev.lifecycle.http.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PolicyApiTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    private static Response declare(String id) {
        return admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies");
    }

    @Test
    void declaring_answers201_withLocationETagAndThePolicyAtVersionOne() {
        String id = Policies.uniqueId("declare");

        declare(id).then().statusCode(201)
                .header("Location", containsString("/api/v1/policies/" + id))
                .header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("version", equalTo(1)).body("retention", equalTo("P30D"))
                .body("tiers", hasSize(2)).body("tiers[1].storageClass", equalTo("GLACIER"))
                .body("clockStart", equalTo("CREATION")).body("locked", equalTo(false));
    }

    @Test
    void reading_answersThePolicyWithItsETag_forAViewer() {
        String id = Policies.uniqueId("read");
        declare(id).then().statusCode(201);

        viewer().get("/api/v1/policies/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("id", equalTo(id)).body("archiveExpiryDays", equalTo(400)).body("sortKey", nullValue());
    }

    @Test
    void anUnknownPolicy_is404ProblemJson() {
        viewer().get("/api/v1/policies/no-such-policy").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:policy-not-found")).body("status", equalTo(404))
                .body("policyId", equalTo("no-such-policy")).body("instance", equalTo("/api/v1/policies/no-such-policy"));
    }

    @Test
    void anInvalidPolicy_is400_withEveryFieldAndItsReason() {
        String body = """
                {"id": "bad-one", "table": "x", "partitionKey": "pk", "ttlAttribute": "ttl", "retention": "thirty days",
                 "archivedCauses": ["TTL", "SOMETIMES"], "bucket": "Not_A_Bucket",
                 "tiers": [{"storageClass": "GLACIER", "afterDays": 10}, {"storageClass": "STANDARD_IA", "afterDays": 5}]}
                """;

        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:invalid-policy"))
                .body("violations.field", hasItem("table")).body("violations.field", hasItem("retention"))
                .body("violations.field", hasItem("archivedCauses")).body("violations.field", hasItem("bucket"))
                .body("violations.field", hasItem("tiers[1].afterDays"))
                .body("violations.find { it.field == 'retention' }.reason", containsString("ISO-8601"));
    }

    @Test
    void anInvalidId_is400_namingTheField() {
        admin().contentType(ContentType.JSON).body(Policies.body("Not Valid!")).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
        admin().contentType(ContentType.JSON).body(Policies.body("x").replace("\"id\": \"x\",", "")).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"))
                .body("violations[0].reason", equalTo("is required"));
    }

    @Test
    void declaringATakenIdOrAGovernedTable_is409() {
        String id = Policies.uniqueId("taken");
        declare(id).then().statusCode(201);

        declare(id).then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:policy-exists"));
        String otherIdSameTable = Policies.body(id).replaceFirst("\"id\": \"" + id + "\"", "\"id\": \"" + id + "-two\"");
        admin().contentType(ContentType.JSON).body(otherIdSameTable).post("/api/v1/policies").then().statusCode(409)
                .contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:table-governed")).body("governedBy", equalTo(id));
    }

    @Test
    void changing_withTheCurrentETag_storesTheNextVersion_andTheHistoryShowsTheDiff() {
        String id = Policies.uniqueId("change");
        declare(id).then().statusCode(201);

        given().auth().oauth2(Tokens.admin("bob")).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2)).body("retention", equalTo("P90D"));

        viewer().get("/api/v1/policies/" + id + "/history").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].action", equalTo("POLICY_DECLARED")).body("items[0].actor", equalTo("alice"))
                .body("items[1].action", equalTo("POLICY_CHANGED")).body("items[1].actor", equalTo("bob"))
                .body("items[1].changes", hasSize(1)).body("items[1].changes[0].field", equalTo("retention"))
                .body("items[1].changes[0].before", equalTo("P30D")).body("items[1].changes[0].after", equalTo("P90D"));
    }

    @Test
    void changing_withoutIfMatch_is428_withAStaleOne412_andNothingChanges() {
        String id = Policies.uniqueId("precondition");
        declare(id).then().statusCode(201);

        admin().contentType(ContentType.JSON).body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(428).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:precondition-required"));
        admin().contentType(ContentType.JSON).header("If-Match", "*").body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(428).contentType(PROBLEM);
        admin().contentType(ContentType.JSON).header("If-Match", "\"7\"").body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(412).contentType(PROBLEM).body("currentVersion", equalTo(1)).header("ETag", "\"1\"");
        admin().contentType(ContentType.JSON).header("If-Match", "W/\"1\"").body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        admin().contentType(ContentType.JSON).header("If-Match", "1").body(Policies.body(id, "P90D")).put("/api/v1/policies/" + id)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("If-Match"));

        viewer().get("/api/v1/policies/" + id).then().body("version", equalTo(1)).body("retention", equalTo("P30D"));
    }

    @Test
    void twoChangesWithTheSameIfMatch_oneWins_theOtherGets412() throws Exception {
        String id = Policies.uniqueId("race");
        declare(id).then().statusCode(201);
        String token = Tokens.admin();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String retention : new String[] {"P60D", "P90D"}) {
                Callable<Integer> change = () -> {
                    start.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                            .body(Policies.body(id, retention)).put("/api/v1/policies/" + id).statusCode();
                };
                answers.add(pool.submit(change));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 412);
        } finally {
            pool.shutdownNow();
        }
        viewer().get("/api/v1/policies/" + id).then().body("version", equalTo(2));
        viewer().get("/api/v1/policies/" + id + "/history").then().body("items", hasSize(2));
    }

    @Test
    void theBodyMayNotRenameThePolicy() {
        String id = Policies.uniqueId("rename");
        declare(id).then().statusCode(201);

        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(Policies.body("someone-else"))
                .put("/api/v1/policies/" + id).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
    }

    @Test
    void deleting_needsTheCurrentETag_thenThePolicyIsGone_butItsHistoryStays() {
        String id = Policies.uniqueId("delete");
        declare(id).then().statusCode(201);

        admin().delete("/api/v1/policies/" + id).then().statusCode(428).contentType(PROBLEM);
        admin().header("If-Match", "\"2\"").delete("/api/v1/policies/" + id).then().statusCode(412).contentType(PROBLEM);
        admin().header("If-Match", "\"1\"").delete("/api/v1/policies/" + id).then().statusCode(204);

        viewer().get("/api/v1/policies/" + id).then().statusCode(404);
        viewer().get("/api/v1/policies/" + id + "/history").then().statusCode(200).body("items.action",
                equalTo(List.of("POLICY_DECLARED", "POLICY_DELETED")));
        admin().header("If-Match", "\"1\"").delete("/api/v1/policies/" + id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aLockedPolicy_canBeStrengthened_butNotWeakenedOrDeleted() {
        String id = Policies.uniqueId("locked");
        String locked = Policies.body(id).replace("\"archiveExpiryDays\": 400", "\"archiveExpiryDays\": 400, \"locked\": true");
        admin().contentType(ContentType.JSON).body(locked).post("/api/v1/policies").then().statusCode(201).body("locked", equalTo(true));

        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(locked.replace("P30D", "P10D"))
                .put("/api/v1/policies/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:change-rejected")).body("violations[0].field", equalTo("retention"));
        admin().header("If-Match", "\"1\"").delete("/api/v1/policies/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:change-rejected"));
        admin().contentType(ContentType.JSON).header("If-Match", "\"1\"").body(locked.replace("P30D", "P60D"))
                .put("/api/v1/policies/" + id).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void listing_pagesInIdOrder_withANextLink() {
        String prefix = Policies.uniqueId("zz-list");
        for (String suffix : List.of("c", "a", "b")) {
            declare(prefix + "-" + suffix).then().statusCode(201);
        }

        Response first = viewer().queryParam("after", prefix).queryParam("limit", 2).get("/api/v1/policies");
        first.then().statusCode(200).body("items.id", equalTo(List.of(prefix + "-a", prefix + "-b")))
                .body("next", equalTo(prefix + "-b")).header("Link", containsString("rel=\"next\""));
        viewer().queryParam("after", prefix + "-b").queryParam("limit", 2).get("/api/v1/policies")
                .then().statusCode(200).body("items[0].id", equalTo(prefix + "-c"));
    }

    @Test
    void listing_refusesABadLimitOrAfter_withTheParameterNamed() {
        for (String limit : List.of("0", "101", "ten", "-1", "99999999999")) {
            viewer().queryParam("limit", limit).get("/api/v1/policies").then().statusCode(400).contentType(PROBLEM)
                    .body("violations[0].field", equalTo("limit"));
        }
        viewer().queryParam("after", "NOT VALID").get("/api/v1/policies").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", equalTo("after"));
    }

    @Test
    void theInstanceOfAProblem_isTheRequestPath() {
        admin().contentType(ContentType.JSON).body("{").post("/api/v1/policies").then().statusCode(400)
                .body("instance", startsWith("/api/v1/policies"));
    }
}
