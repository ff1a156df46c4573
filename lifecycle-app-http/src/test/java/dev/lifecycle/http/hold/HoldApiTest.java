package dev.lifecycle.http.hold;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placing, reading, enforcing and releasing legal holds through the API, on in-memory tables. */
@QuarkusTest
class HoldApiTest {

    private static final String PROBLEM = "application/problem+json";
    private static final long TTL = 1_800_000_000L;

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static RequestSpecification viewer() {
        return given().auth().oauth2(Tokens.viewer());
    }

    private static String governedTableWithItem(String orderId) {
        String id = Policies.uniqueId("hold");
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), KeySchema.partitionKey("orderId"));
        admin().contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies").then().statusCode(201);
        InMemoryAdminPorts.LIVE_ITEMS.put(TableName.of(id), key(orderId), item(orderId));
        return id;
    }

    private static ItemKey key(String orderId) {
        return ItemKey.of("orderId", s(orderId));
    }

    private static Item item(String orderId) {
        return new Item(Map.of("orderId", s(orderId), "expiresAt", n(TTL)));
    }

    private static Item live(String table, String orderId) {
        return InMemoryAdminPorts.LIVE_ITEMS.items(TableName.of(table)).get(key(orderId));
    }

    @Test
    void aHoldOnOneItem_isPlacedAudited_andItsTtlIsGone_untilItIsReleased() {
        String table = governedTableWithItem("o-1");
        String holdId = Policies.uniqueId("case");

        admin().contentType(ContentType.JSON).body("{\"id\": \"" + holdId + "\", \"table\": \"" + table
                        + "\", \"key\": {\"orderId\": {\"S\": \"o-1\"}}, \"reason\": \"litigation 2026-17\"}")
                .post("/api/v1/holds").then().statusCode(201).header("Location", containsString("/api/v1/holds/" + holdId))
                .body("state", equalTo("ACTIVE")).body("key.orderId.S", equalTo("o-1")).body("placedBy", equalTo("alice"));
        assertThat(live(table, "o-1").has("expiresAt")).isFalse();
        viewer().get("/api/v1/holds/" + holdId).then().statusCode(200).body("reason", equalTo("litigation 2026-17"));
        viewer().get("/api/v1/holds").then().statusCode(200).body("holds.id", hasItem(holdId));

        admin().post("/api/v1/holds/" + holdId + "/release").then().statusCode(200).body("state", equalTo("RELEASING"))
                .body("releasedBy", equalTo("alice"));
        admin().post("/api/v1/holds/enforce").then().statusCode(200);
        assertThat(live(table, "o-1")).isEqualTo(item("o-1"));
        viewer().get("/api/v1/holds/" + holdId).then().statusCode(404).contentType(PROBLEM);
        viewer().get("/api/v1/policies/" + table + "/history").then().body("items.action", hasItems("HOLD_PLACED", "HOLD_RELEASED"));
    }

    @Test
    void aPrefixHold_isPlaced_andEnforcementRemovesTheTtlsItCovers() {
        String table = governedTableWithItem("customer-1");
        InMemoryAdminPorts.TABLE_SCANS.createTable(TableName.of(table), KeySchema.partitionKey("orderId"))
                .put(TableName.of(table), item("customer-1"));
        String holdId = Policies.uniqueId("prefix");

        admin().contentType(ContentType.JSON).body("{\"id\": \"" + holdId + "\", \"table\": \"" + table
                + "\", \"partitionKeyPrefix\": \"customer-\", \"reason\": \"regulator inquiry\"}").post("/api/v1/holds")
                .then().statusCode(201).body("partitionKeyPrefix", equalTo("customer-"));
        admin().post("/api/v1/holds/enforce").then().statusCode(200);

        assertThat(live(table, "customer-1").has("expiresAt")).isFalse();
    }

    @Test
    void holdMistakes_are4xxProblemsNamingTheField() {
        String table = governedTableWithItem("o-1");

        admin().contentType(ContentType.JSON).body("{\"table\": \"" + table + "\", \"key\": {\"orderId\": {\"S\": \"o-1\"}}, \"reason\": \"r\"}")
                .post("/api/v1/holds").then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo("id"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"Bad Id\", \"table\": \"" + table + "\", \"partitionKeyPrefix\": \"x\","
                + " \"reason\": \"r\"}").post("/api/v1/holds").then().statusCode(400).body("violations[0].field", equalTo("id"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"h-1\", \"table\": \"" + table + "\", \"reason\": \"r\"}")
                .post("/api/v1/holds").then().statusCode(400).body("violations[0].field", equalTo("key"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"h-1\", \"table\": \"" + table + "\", \"key\": {\"sku\": {\"S\": \"1\"}},"
                + " \"reason\": \"r\"}").post("/api/v1/holds").then().statusCode(400).body("violations[0].field", equalTo("key"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"h-1\", \"table\": \"" + table + "\", \"partitionKeyPrefix\": \"o-\","
                + " \"reason\": \"  \"}").post("/api/v1/holds").then().statusCode(400).body("violations[0].field", equalTo("reason"));
        admin().contentType(ContentType.JSON).body("{\"id\": \"h-1\", \"table\": \"nobody-governs\", \"partitionKeyPrefix\": \"o-\","
                + " \"reason\": \"r\"}").post("/api/v1/holds").then().statusCode(404).body("type", equalTo("urn:lifecycle:problem:table-not-governed"));
        String taken = Policies.uniqueId("taken");
        String body = "{\"id\": \"" + taken + "\", \"table\": \"" + table + "\", \"partitionKeyPrefix\": \"o-\", \"reason\": \"r\"}";
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/holds").then().statusCode(201);
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/holds").then().statusCode(409)
                .body("type", equalTo("urn:lifecycle:problem:hold-exists"));
        admin().post("/api/v1/holds/no-such-hold/release").then().statusCode(404).body("type", equalTo("urn:lifecycle:problem:hold-not-found"));
        viewer().contentType(ContentType.JSON).body(body).post("/api/v1/holds").then().statusCode(403);
        viewer().post("/api/v1/holds/" + taken + "/release").then().statusCode(403);
    }
}
