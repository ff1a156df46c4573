package dev.lifecycle.http.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every endpoint × every kind of caller: who gets 401, who gets 403, who gets through. */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final String PROBLEM = "application/problem+json";

    /** One endpoint: method, path, body, and whether it changes something (admin only). */
    record Endpoint(String method, String path, String body, boolean write) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One kind of caller, and what it may do. */
    record Caller(String name, Supplier<String> token, boolean authenticated, boolean reads, boolean writes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final String EXISTING = "matrix-existing";

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/v1/info", null, false),
                new Endpoint("GET", "/api/v1/policies", null, false),
                new Endpoint("POST", "/api/v1/policies", Policies.body("matrix-new"), true),
                new Endpoint("GET", "/api/v1/policies/" + EXISTING, null, false),
                new Endpoint("PUT", "/api/v1/policies/" + EXISTING, Policies.body(EXISTING), true),
                new Endpoint("DELETE", "/api/v1/policies/" + EXISTING, null, true),
                new Endpoint("GET", "/api/v1/policies/" + EXISTING + "/history", null, false),
                new Endpoint("GET", "/api/v1/policies/" + EXISTING + "/plan", null, false),
                new Endpoint("POST", "/api/v1/policies/" + EXISTING + "/apply", null, true),
                new Endpoint("GET", "/api/v1/policies/" + EXISTING + "/status", null, false),
                new Endpoint("POST", "/api/v1/policies/" + EXISTING + "/cost-estimate",
                        "{\"deletionsPerDay\": 1000000, \"averageItemBytes\": 2048}", false),
                new Endpoint("POST", "/api/v1/policies/" + EXISTING + "/drift-check", null, true),
                new Endpoint("GET", "/api/v1/tables/" + EXISTING + "/archives?day=2026-11-22", null, false),
                new Endpoint("GET", "/api/v1/tables/" + EXISTING + "/archives/object?key=archives/" + EXISTING
                        + "/2026/11/22/S-o-1/1.json", null, false),
                new Endpoint("POST", "/api/v1/tables/" + EXISTING + "/restores",
                        "{\"deletedFrom\": \"2026-11-22T00:00:00Z\", \"deletedTo\": \"2026-11-23T00:00:00Z\", \"dryRun\": true}", true),
                new Endpoint("GET", "/api/v1/tables/" + EXISTING + "/completeness?day=2026-11-22", null, false),
                new Endpoint("GET", "/api/v1/restores", null, false),
                new Endpoint("GET", "/api/v1/restores/no-such-job", null, false),
                new Endpoint("POST", "/api/v1/holds", "{\"id\": \"matrix-hold\", \"table\": \"" + EXISTING
                        + "\", \"partitionKeyPrefix\": \"o-\", \"reason\": \"matrix\"}", true),
                new Endpoint("GET", "/api/v1/holds", null, false),
                new Endpoint("GET", "/api/v1/holds/matrix-hold", null, false),
                new Endpoint("POST", "/api/v1/holds/no-such-hold/release", null, true),
                new Endpoint("POST", "/api/v1/holds/enforce", null, true),
                new Endpoint("GET", "/api/v1/policies/" + EXISTING + "/ttl-audit", null, false),
                new Endpoint("POST", "/api/v1/policies/" + EXISTING + "/ttl-audit", null, true),
                new Endpoint("POST", "/api/v1/replays", "{\"maxBatches\": 1}", true));
    }

    static List<Caller> callers() {
        return List.of(
                new Caller("no token", () -> null, false, false, false),
                new Caller("expired token", Tokens::expired, false, false, false),
                new Caller("token of another issuer", Tokens::wrongIssuer, false, false, false),
                new Caller("token signed by another key", Tokens::signedByAnotherKey, false, false, false),
                new Caller("unsigned token (alg none)", Tokens::unsigned, false, false, false),
                new Caller("garbage token", () -> "not.a.jwt", false, false, false),
                new Caller("token without our roles", Tokens::noRoles, true, false, false),
                new Caller("viewer", Tokens::viewer, true, true, false),
                new Caller("admin", Tokens::admin, true, true, true));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : callers()) {
                cells.add(Arguments.of(endpoint, caller));
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachCallerGetsExactlyWhatItsRolesAllow(Endpoint endpoint, Caller caller) {
        Response response = send(endpoint, caller.token().get());

        boolean allowed = endpoint.write() ? caller.writes() : caller.reads();
        if (!caller.authenticated()) {
            response.then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", equalTo("Bearer realm=\"lifecycle\""));
        } else if (!allowed) {
            response.then().statusCode(403).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:forbidden"));
        } else {
            // Through the gate: the answer is the endpoint's own (200, 201, 404, 409, 412, 428...), never 401 or 403.
            assertThat(response.statusCode()).as(response.asString()).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void healthAndTheApiDescription_needNoToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }

    private static Response send(Endpoint endpoint, String token) {
        RequestSpecification request = given();
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        if (endpoint.method().equals("PUT") || endpoint.method().equals("DELETE")) {
            request = request.header("If-Match", "\"1\"");
        }
        return request.request(endpoint.method(), endpoint.path());
    }
}
