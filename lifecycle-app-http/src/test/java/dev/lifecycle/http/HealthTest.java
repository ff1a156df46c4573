package dev.lifecycle.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.lifecycle.http.testing.InMemoryAdminPorts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class HealthTest {

    @AfterEach
    void mend() {
        InMemoryAdminPorts.DYNAMODB.mend();
        InMemoryAdminPorts.S3.mend();
    }

    @Test
    void liveness_isUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readiness_isUp_whenEveryDependencyAnswers() {
        given().when().get("/q/health/ready")
                .then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'dependencies' }.data.dynamodb", equalTo("UP"))
                .body("checks.find { it.name == 'dependencies' }.data.s3", equalTo("UP"));
    }

    @Test
    void readiness_isDown_namingTheDependency_whenOneFails_butLivenessStaysUp() {
        InMemoryAdminPorts.S3.fail("bucket acme-archive: 403 Forbidden");

        given().when().get("/q/health/ready")
                .then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'dependencies' }.data.s3", containsString("403 Forbidden"))
                .body("checks.find { it.name == 'dependencies' }.data.dynamodb", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }
}
