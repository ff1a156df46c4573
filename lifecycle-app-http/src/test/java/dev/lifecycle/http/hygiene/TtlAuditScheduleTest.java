package dev.lifecycle.http.hygiene;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduled job audits every policy's table on its own and records the report where GET reads it. */
@QuarkusTest
@TestProfile(TtlAuditScheduleTest.EverySecond.class)
class TtlAuditScheduleTest {

    /** The TTL audit schedule at one run a second. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifecycle.admin.ttl-audit-interval", "1s", "lifecycle.admin.ttl-audit-delay", "0s");
        }
    }

    @Test
    void theScheduledJob_recordsAReportForADeclaredPolicy_withoutAnyoneAsking() throws InterruptedException {
        String id = Policies.uniqueId("scheduled-audit");
        InMemoryAdminPorts.TABLE_SCANS.createTable(TableName.of(id), KeySchema.partitionKey("orderId"))
                .put(TableName.of(id), new Item(Map.of("orderId", AttributeValue.s("o-1"), "expiresAt", AttributeValue.s("1767225600"))));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies")
                .then().statusCode(201);

        int status = 404;
        for (int i = 0; i < 100 && status == 404; i++) {
            Thread.sleep(100);
            status = given().auth().oauth2(Tokens.viewer()).get("/api/v1/policies/" + id + "/ttl-audit").statusCode();
        }

        assertThat(status).isEqualTo(200);
        Integer stringTyped = given().auth().oauth2(Tokens.viewer()).get("/api/v1/policies/" + id + "/ttl-audit").then()
                .extract().path("findings.STRING_TYPED.count");
        assertThat(stringTyped).isEqualTo(1);
    }
}
