package dev.lifecycle.http.apply;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.http.testing.InMemoryAdminPorts;
import dev.lifecycle.http.testing.Policies;
import dev.lifecycle.http.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** With a processor configured, apply connects the policy's table to it and drift watches the mapping. */
@QuarkusTest
@TestProfile(MappingApplyApiTest.WithProcessor.class)
class MappingApplyApiTest {

    static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-processor:live";
    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:lifecycle-failures";

    /** The test configuration with the processor's function and failure queue. */
    public static class WithProcessor implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifecycle.admin.processor.function-arn", FUNCTION,
                    "lifecycle.admin.processor.failure-destination-arn", QUEUE,
                    "lifecycle.admin.processor.batch-size", "500");
        }
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.admin());
    }

    private static String declare(String body) {
        admin().contentType(ContentType.JSON).body(body).post("/api/v1/policies").then().statusCode(201);
        return body;
    }

    private static String freshTable(String prefix) {
        String id = Policies.uniqueId(prefix);
        InMemoryAdminPorts.TABLES.createTable(TableName.of(id), new KeySchema("orderId", Optional.empty()));
        InMemoryAdminPorts.BUCKETS.createBucket(BucketName.of("acme-archive"));
        return id;
    }

    private static List<StreamMapping> mappingsOf(String table) {
        return InMemoryAdminPorts.MAPPINGS.all().stream()
                .filter(mapping -> TableSettings.StreamSettings.ofTable(mapping.streamArn(), TableName.of(table))).toList();
    }

    @Test
    void plan_showsTheMapping_applyMakesIt_withTheConfiguredDefaults_andASecondApplyChangesNothing() {
        String id = freshTable("mapped");
        declare(Policies.body(id));

        given().auth().oauth2(Tokens.viewer()).get("/api/v1/policies/" + id + "/plan").then().statusCode(200)
                .body("changes.setting", equalTo(List.of("TTL", "STREAM", "LIFECYCLE_RULE", "EVENT_SOURCE_MAPPING")))
                .body("changes[3].target", equalTo("MAPPING"))
                .body("changes[3].desired", containsString("to " + FUNCTION + ": batch 500"));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200).body("complete", equalTo(true));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200).body("results", hasSize(0));

        assertThat(mappingsOf(id)).singleElement().satisfies(mapping -> {
            assertThat(mapping.functionArn()).isEqualTo(FUNCTION);
            assertThat(mapping.state()).isEqualTo(MappingState.ENABLED);
            assertThat(mapping.settings().batchSize()).isEqualTo(500);
            assertThat(mapping.settings().failureDestination()).contains(QUEUE);
        });
    }

    @Test
    void aPolicysStreamBatching_isKept_shown_andApplied_andOutOfRangeIsA400NamingTheField() {
        String id = freshTable("batching");
        String body = Policies.body(id).replaceFirst("\\{", "{\"streamBatchSize\": 50, \"streamBatchingWindowSeconds\": 20, ");
        declare(body);

        admin().get("/api/v1/policies/" + id).then().statusCode(200)
                .body("streamBatchSize", equalTo(50)).body("streamBatchingWindowSeconds", equalTo(20));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
        assertThat(mappingsOf(id)).singleElement().satisfies(mapping -> {
            assertThat(mapping.settings().batchSize()).isEqualTo(50);
            assertThat(mapping.settings().batchingWindowSeconds()).isEqualTo(20);
        });

        String tooLarge = Policies.body(Policies.uniqueId("too-large")).replaceFirst("\\{", "{\"streamBatchSize\": 10001, ");
        admin().contentType(ContentType.JSON).body(tooLarge).post("/api/v1/policies").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.find { it.field == 'streamBatchSize' }.reason", containsString("1 to 10000"));
    }

    @Test
    void aMappingDisabledByHand_isDrift_andApplyRepairsIt() {
        String id = freshTable("drifted-mapping");
        declare(Policies.body(id));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
        InMemoryAdminPorts.MAPPINGS.disable(mappingsOf(id).get(0).id());

        admin().post("/api/v1/policies/" + id + "/drift-check").then().statusCode(200)
                .body("state", equalTo("DRIFTED"))
                .body("differences[0].setting", equalTo("EVENT_SOURCE_MAPPING"))
                .body("differences[0].consequence", containsString("State DISABLED → ENABLED"));
        admin().post("/api/v1/policies/" + id + "/apply").then().statusCode(200);
        admin().post("/api/v1/policies/" + id + "/drift-check").then().statusCode(200).body("state", equalTo("IN_SYNC"));
    }
}
