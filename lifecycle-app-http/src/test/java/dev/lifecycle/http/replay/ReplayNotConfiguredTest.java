package dev.lifecycle.http.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without {@code lifecycle.admin.failure-queue-url}, a replay answers a 503 problem that says what to set. */
@QuarkusTest
@TestProfile(ReplayNotConfiguredTest.WithoutFailureQueue.class)
class ReplayNotConfiguredTest {

    /** The test configuration with the failure queue URL removed. */
    public static class WithoutFailureQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifecycle.admin.failure-queue-url", "");
        }
    }

    @Test
    void aReplayWithoutAFailureQueue_isA503ProblemNamingTheSetting() {
        given().auth().oauth2(Tokens.admin()).post("/api/v1/replays").then().statusCode(503)
                .contentType("application/problem+json").body("type", equalTo("urn:lifecycle:problem:replay-not-configured"))
                .body("detail", containsString("lifecycle.admin.failure-queue-url"));
    }
}
