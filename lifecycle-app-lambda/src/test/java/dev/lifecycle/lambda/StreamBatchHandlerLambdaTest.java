package dev.lifecycle.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Runs the packaged wiring inside Quarkus, fed through the mock Lambda event server, with AWS unreachable. */
@QuarkusTest
class StreamBatchHandlerLambdaTest {

    @Test
    void whenAwsIsUnreachable_everyRecordIsReportedFailed_neverSucceeded() throws IOException {
        given().port(mockEventServerPort())
                .contentType(ContentType.JSON)
                .accept(ContentType.JSON)
                .body(event("events/remove-ttl.json"))
                .when().post("/")
                .then().statusCode(200)
                // The mock server labels a stream handler's bytes as form data; they are JSON.
                .parser("application/x-www-form-urlencoded", io.restassured.parsing.Parser.JSON)
                .body("batchItemFailures.itemIdentifier",
                        contains("4421584500000000017450439091", "4421584600000000017450439163"));
    }

    /** The extension publishes the port it actually bound under the same property. */
    private static int mockEventServerPort() {
        return ConfigProvider.getConfig().getValue("quarkus.lambda.mock-event-server.test-port", Integer.class);
    }

    private static String event(String resource) throws IOException {
        try (InputStream in = StreamBatchHandlerLambdaTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
