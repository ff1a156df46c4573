package dev.lifecycle.http.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class MalformedRequestTest {

    private static final String PROBLEM = "application/problem+json";

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    @Test
    void brokenJson_is400_withWhereItBroke() {
        admin().contentType(ContentType.JSON).body("{\"id\": \"x\",, }").post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:malformed-json"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void anUnknownField_is400_namingIt() {
        String body = Policies.body("unknown-field").replace("\"table\"", "\"tabel\": \"x\", \"table\"");
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:unknown-field"))
                .body("violations[0].field", equalTo("tabel"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"archiveExpiryDays\": 400|\"archiveExpiryDays\": \"400\"|archiveExpiryDays",
            "\"archiveExpiryDays\": 400|\"archiveExpiryDays\": 400.5|archiveExpiryDays",
            "\"archiveExpiryDays\": 400|\"archiveExpiryDays\": true|archiveExpiryDays",
            "\"retention\": \"P30D\"|\"retention\": 30|retention",
            "\"archivedCauses\": [\"TTL\", \"USER\"]|\"archivedCauses\": \"TTL\"|archivedCauses",
            "\"afterDays\": 120|\"afterDays\": \"120\"|tiers[1].afterDays",
            "\"archiveExpiryDays\": 400|\"archiveExpiryDays\": 400, \"locked\": \"yes\"|locked",
            "\"archiveExpiryDays\": 400|\"archiveExpiryDays\": 400, \"objectLock\": [1]|objectLock",
    })
    void aWrongType_is400_namingTheField(String original, String replacement, String field) {
        String body = Policies.body("wrong-type").replace(original, replacement);
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", equalTo(field));
    }

    @Test
    void aDuplicateKey_is400() {
        String body = Policies.body("dup").replace("\"table\"", "\"retention\": \"P1D\", \"table\"");
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("retention"));
    }

    @Test
    void trailingContent_andNonObjectBodies_are400() {
        admin().contentType(ContentType.JSON).body(Policies.body("trailing") + " {}").post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM);
        for (String body : new String[] {"[]", "\"policy\"", "42", "null"}) {
            admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(400).contentType(PROBLEM);
        }
        admin().contentType(ContentType.JSON).post("/api/v1/policies").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anOversizedBody_is413() {
        String huge = Policies.body("huge").replace("\"prefix\": \"archives\"", "\"prefix\": \"" + "a".repeat(70_000) + "\"");
        admin().contentType(ContentType.JSON).body(huge).post("/api/v1/policies")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("urn:lifecycle:problem:body-too-large"));
    }

    @Test
    void aWrongContentType_is415_andAWrongMethod_is405() {
        admin().contentType(ContentType.TEXT).body("hello").post("/api/v1/policies").then().statusCode(415).contentType(PROBLEM);
        admin().contentType(ContentType.JSON).body("{}").patch("/api/v1/policies/x").then().statusCode(405).contentType(PROBLEM);
    }

    @Test
    void anUnknownApiPath_is404ProblemJson() {
        admin().get("/api/v1/nothing-here").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("urn:lifecycle:problem:not-found"));
    }

    @Test
    void injectionStringsInNames_areRefusedAsInvalid_notExecutedOrEchoedRaw() {
        String body = Policies.body("inject").replace("\"table\": \"inject\"", "\"table\": \"x'; DROP TABLE policies; --\"");
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", hasItem("table"));
        admin().get("/api/v1/policies/%3Cscript%3E").then().statusCode(400).contentType(PROBLEM);
    }
}
