package dev.lifecycle.http.drift;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.bucket.BucketName;
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
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduled job checks every policy on its own and records the result where status reads it. */
@QuarkusTest
@TestProfile(DriftScheduleTest.EverySecond.class)
class DriftScheduleTest {

    /** The drift schedule at one check a second. */
    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifecycle.admin.drift-check-interval", "1s", "lifecycle.admin.drift-check-delay", "0s");
        }
    }

    @Test
    void theScheduledJob_recordsAStatusForADeclaredPolicy_withoutAnyoneAsking() throws InterruptedException {
        String id = Policies.uniqueId("scheduled");
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), new KeySchema("orderId", Optional.empty()));
        InMemoryAdminPorts.BUCKETS.createBucket(BucketName.of("acme-archive"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Policies.body(id)).post("/api/v1/policies")
                .then().statusCode(201);

        String state = "NOT_CHECKED";
        for (int i = 0; i < 100 && state.equals("NOT_CHECKED"); i++) {
            Thread.sleep(100);
            state = given().auth().oauth2(Tokens.viewer()).get("/api/v1/policies/" + id + "/status").then().statusCode(200)
                    .extract().path("state");
        }

        // Nobody applied the policy: the table has neither TTL nor stream, so the job finds drift.
        assertThat(state).isEqualTo("DRIFTED");
    }
}
