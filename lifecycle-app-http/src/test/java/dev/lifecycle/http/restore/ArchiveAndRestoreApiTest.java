package dev.lifecycle.http.restore;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.ArchiveFixture;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Browsing archives and restoring items through the API, on the in-memory archive and tables. */
@QuarkusTest
class ArchiveAndRestoreApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Instant NOV_22 = Instant.parse("2026-11-22T10:00:00Z");
    private static final long FUTURE_TTL = Instant.parse("2099-01-01T00:00:00Z").getEpochSecond();

    private final ArchiveFixture archived = new ArchiveFixture(InMemoryAdminPorts.POLICIES, InMemoryAdminPorts.ARCHIVES);

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    /** A declared policy on a table of its own name (key orderId), which exists. */
    private static String governedTable() {
        String id = Policies.uniqueId("restore");
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), KeySchema.partitionKey("orderId"));
        admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies").then().statusCode(201);
        return id;
    }

    private static Item order(String orderId, String total) {
        return new Item(Map.of("orderId", s(orderId), "total", n(total), "expiresAt", n(FUTURE_TTL)));
    }

    private ObjectKey deleted(String table, Item item, String sequence, Instant at) {
        return archived.userDeleted(TableName.of(table), item, Map.of("orderId", item.get("orderId").orElseThrow()), sequence, at);
    }

    private static Optional<Item> live(String table, String orderId) {
        return Optional.ofNullable(InMemoryAdminPorts.LIVE_ITEMS.items(TableName.of(table))
                .get(ItemKey.of("orderId", s(orderId))));
    }

    @Test
    void aDay_isListedPageByPage_withEachItemsKey_andALinkToTheNextPage() {
        String table = governedTable();
        for (int i = 1; i <= 3; i++) {
            deleted(table, order("o-" + i, "1" + i), "10" + i, NOV_22);
        }

        ExtractableResponse<Response> first = viewer().get("/api/v1/tables/" + table + "/archives?day=2026-11-22&limit=2")
                .then().statusCode(200).body("objects", hasSize(2)).body("objects[0].key.orderId.S", equalTo("o-1"))
                .body("objects[0].sequenceNumber", equalTo("101")).body("day", equalTo("2026-11-22"))
                .body("objects[0].objectKey", equalTo("archives/" + table + "/2026/11/22/S-o-1/101.json"))
                .extract();
        assertThat(first.header("Link")).contains("rel=\"next\"");

        viewer().queryParam("day", "2026-11-22").queryParam("after", first.path("next").toString())
                .get("/api/v1/tables/" + table + "/archives")
                .then().statusCode(200).body("objects", hasSize(1)).body("objects[0].key.orderId.S", equalTo("o-3"))
                .body("next", nullValue());
    }

    @Test
    void anItemsArchives_areFoundByItsKey_andOneEntryIsReadWhole() {
        String table = governedTable();
        ObjectKey key = deleted(table, order("o-7", "12.50"), "201", NOV_22);

        viewer().queryParam("key", "{\"orderId\": {\"S\": \"o-7\"}}").queryParam("from", "2026-11-01").queryParam("to", "2026-11-30")
                .get("/api/v1/tables/" + table + "/archives")
                .then().statusCode(200).body("objects", hasSize(1)).body("objects[0].objectKey", equalTo(key.value()))
                .body("truncated", equalTo(false));
        viewer().queryParam("key", key.value()).get("/api/v1/tables/" + table + "/archives/object")
                .then().statusCode(200).body("cause", equalTo("USER")).body("oldImage.total.N", equalTo("12.50"))
                .body("key.orderId.S", equalTo("o-7")).body("deletedAt", equalTo("2026-11-22T10:00:00Z"))
                .body("policyId", equalTo(table)).body("contentSha256.size()", equalTo(64));
    }

    @Test
    void browsingMistakes_are400ProblemsNamingTheField() {
        String table = governedTable();
        String archives = "/api/v1/tables/" + table + "/archives";

        viewer().get(archives).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("day"));
        viewer().queryParam("day", "22/11/2026").get(archives).then().statusCode(400).body("violations[0].field", equalTo("day"));
        viewer().queryParam("key", "{\"orderId\": \"o-1\"}").get(archives).then().statusCode(400)
                .body("violations[0].field", equalTo("key"));
        viewer().queryParam("key", "{\"customer\": {\"S\": \"c\"}}").get(archives).then().statusCode(400)
                .body("violations[0].reason", containsString("'orderId' is missing"));
        viewer().queryParam("key", "{\"orderId\": {\"S\": \"o\"}}").queryParam("from", "2024-01-01").queryParam("to", "2026-01-01")
                .get(archives).then().statusCode(400).body("detail", containsString("at most 366"));
        viewer().queryParam("day", "2026-11-22").queryParam("after", "elsewhere/key").get(archives).then().statusCode(400)
                .body("violations[0].field", equalTo("after"));
        viewer().queryParam("day", "2026-11-22").queryParam("limit", "0").get(archives).then().statusCode(400);
        viewer().queryParam("key", "archives/other-table/2026/11/22/S-o-1/1.json").get(archives + "/object").then().statusCode(400)
                .body("type", equalTo("urn:lifecycle:problem:not-an-archive-object"));
        viewer().queryParam("key", "archives/" + table + "/2026/11/22/S-o-1/1.json").get(archives + "/object").then().statusCode(404)
                .body("type", equalTo("urn:lifecycle:problem:archive-entry-not-found"));
        viewer().queryParam("day", "2026-11-22").get("/api/v1/tables/nobody-governs-this/archives").then().statusCode(404)
                .contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:table-not-governed"));
    }

    @Test
    void aRestoreByKey_withPreferWait_answers200WithEachOutcome_andTheItemIsBackUnchanged() {
        String table = governedTable();
        Item item = order("o-1", "129.90");
        deleted(table, item, "301", Instant.now().minus(Duration.ofHours(1)));

        admin().contentType(ContentType.JSON).header("Prefer", "wait=10")
                .body("{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}, {\"orderId\": {\"S\": \"o-404\"}}]}")
                .post("/api/v1/tables/" + table + "/restores")
                .then().statusCode(200).header("Preference-Applied", "wait=10").header("Location", containsString("/api/v1/restores/"))
                .body("state", equalTo("COMPLETED")).body("counts.restored", equalTo(1))
                .body("counts.skipped.NOT_ARCHIVED", equalTo(1)).body("requestedBy", equalTo("alice"))
                .body("outcomes.status", equalTo(java.util.List.of("RESTORED", "SKIPPED")))
                .body("outcomes[0].key.orderId.S", equalTo("o-1"));

        assertThat(live(table, "o-1")).contains(item);
        viewer().get("/api/v1/policies/" + table + "/history").then()
                .body("items.action", hasItems("RESTORE_REQUESTED", "ITEMS_RESTORED"));
    }

    @Test
    void aRestoreWithoutWaiting_answers202_andTheJobIsPolledToCompletion() throws InterruptedException {
        String table = governedTable();
        ObjectKey key = deleted(table, order("o-2", "5"), "401", NOV_22);

        String location = admin().contentType(ContentType.JSON).body("{\"objects\": [\"" + key.value() + "\"], \"dryRun\": true}")
                .post("/api/v1/tables/" + table + "/restores")
                .then().statusCode(202).body("dryRun", equalTo(true)).extract().header("Location");
        String state = "";
        for (int i = 0; i < 100 && !state.equals("COMPLETED"); i++) {
            Thread.sleep(50);
            state = viewer().get(location).then().statusCode(200).extract().path("state");
        }

        viewer().get(location).then().body("state", equalTo("COMPLETED")).body("counts.wouldRestore", equalTo(1))
                .body("outcomes[0].status", equalTo("WOULD_RESTORE"));
        assertThat(live(table, "o-2")).isEmpty();
        viewer().get("/api/v1/restores").then().statusCode(200).body("jobs.id", hasItems(location.substring(location.lastIndexOf('/') + 1)));
    }

    @Test
    void aRangeBeyondFourDigitYears_isRefused_ratherThanStartingAJobThatCannotRun() {
        String table = governedTable();

        admin().contentType(ContentType.JSON)
                .body("{\"deletedFrom\": \"+1000000000-12-30T00:00:00Z\", \"deletedTo\": \"+1000000000-12-31T00:00:00Z\"}")
                .post("/api/v1/tables/" + table + "/restores")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("deletedFrom"))
                .body("violations[0].reason", containsString("between the years 0000 and 9999"));
    }

    @Test
    void restoreMistakes_are4xxProblemsNamingTheField() {
        String table = governedTable();
        String restores = "/api/v1/tables/" + table + "/restores";

        admin().contentType(ContentType.JSON).body("{}").post(restores).then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("exactly one of objects, keys, and deletedFrom"));
        admin().contentType(ContentType.JSON).body("{\"objects\": [\"a\"], \"keys\": []}").post(restores).then().statusCode(400);
        admin().contentType(ContentType.JSON).body("{\"keys\": [\"o-1\"]}").post(restores).then().statusCode(400)
                .body("violations[0].field", equalTo("keys[0]"));
        admin().contentType(ContentType.JSON).body("{\"keys\": []}").post(restores).then().statusCode(400)
                .body("detail", containsString("at least one"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"yesterday\", \"deletedTo\": \"2026-11-23T00:00:00Z\"}")
                .post(restores).then().statusCode(400).body("violations[0].field", equalTo("deletedFrom"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-23T00:00:00Z\", \"deletedTo\": \"2026-11-22T00:00:00Z\"}")
                .post(restores).then().statusCode(400).body("detail", containsString("must be before"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\","
                + " \"ttl\": \"FOREVER\"}").post(restores).then().statusCode(400).body("violations[0].field", equalTo("ttl"));
        admin().contentType(ContentType.JSON).body("{\"objects\": [\"elsewhere/1.json\"]}").post(restores).then().statusCode(400)
                .body("type", equalTo("urn:lifecycle:problem:not-an-archive-object"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\","
                + " \"targetTable\": \"does-not-exist\"}").post(restores).then().statusCode(409)
                .body("type", equalTo("urn:lifecycle:problem:table-not-found"));
        InMemoryAdminPorts.TABLES.createTable(TableName.of(table + "-composite"), KeySchema.composite("orderId", "line"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\","
                + " \"targetTable\": \"" + table + "-composite\"}").post(restores).then().statusCode(409)
                .body("type", equalTo("urn:lifecycle:problem:restore-target-mismatch"));
        admin().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\","
                + " \"extra\": 1}").post(restores).then().statusCode(400).body("type", equalTo("urn:lifecycle:problem:unknown-field"));
        viewer().contentType(ContentType.JSON).body("{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\"}")
                .post(restores).then().statusCode(403).contentType(PROBLEM);
        viewer().get("/api/v1/restores/no-such-job").then().statusCode(404).body("type", equalTo("urn:lifecycle:problem:restore-job-not-found"));
        viewer().get("/api/v1/restores/Not_A_Job").then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void aRestore_neverOverwritesANewerLiveItem() {
        String table = governedTable();
        deleted(table, order("o-9", "1"), "501", NOV_22);
        Item newer = order("o-9", "2");
        InMemoryAdminPorts.LIVE_ITEMS.put(TableName.of(table), ItemKey.of("orderId", s("o-9")), newer);

        admin().contentType(ContentType.JSON).header("Prefer", "wait=10")
                .body("{\"keys\": [{\"orderId\": {\"S\": \"o-9\"}}], \"from\": \"2026-11-22\", \"to\": \"2026-11-22\"}")
                .post("/api/v1/tables/" + table + "/restores")
                .then().statusCode(200).body("outcomes[0].reason", equalTo("NEWER_LIVE_ITEM"));

        assertThat(live(table, "o-9")).contains(newer);
    }

}
