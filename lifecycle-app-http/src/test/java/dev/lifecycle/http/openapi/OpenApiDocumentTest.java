package dev.lifecycle.http.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void theDocumentDescribesThePolicyEndpoints_withExamplesAndTheBearerScheme() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Lifecycle admin API"))
                .body("paths", hasKey("/api/v1/policies"))
                .body("paths", hasKey("/api/v1/policies/{id}"))
                .body("paths", hasKey("/api/v1/policies/{id}/history"))
                .body("paths", hasKey("/api/v1/policies/{id}/ttl-audit"))
                .body("paths", hasKey("/api/v1/policies/{id}/cost-estimate"))
                .body("paths.'/api/v1/policies/{id}/cost-estimate'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/policies'.post.requestBody.content.'application/json'.examples.orders.value.id",
                        equalTo("orders-retention"))
                .body("paths.'/api/v1/policies/{id}'.put.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/policies/{id}'.put.responses.'412'.content.'application/problem+json'", notNullValue())
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void swaggerUi_isServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }
}
