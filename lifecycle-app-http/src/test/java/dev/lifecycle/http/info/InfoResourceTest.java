package dev.lifecycle.http.info;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InfoResourceTest {

    // Passed in by Surefire from the POM, so the test checks against the build, not a copy.
    private static final String PROJECT_VERSION = System.getProperty("project.version");

    @Test
    void info_namesTheProductAndReportsTheProjectVersion() {
        given().auth().oauth2(dev.lifecycle.http.testing.Tokens.viewer()).when().get("/api/v1/info")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("name", equalTo("lifecycle"))
                .body("version", equalTo(PROJECT_VERSION))
                .body("components", contains("admin-api"));
    }
}
