package dev.lifecycle.it.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.regions.Region;

/** Choosing a target, and the endpoints target reading its endpoints from system properties. */
class LocalAwsTargetsTest {

    private final Map<String, String> savedProperties = new HashMap<>();

    @AfterEach
    void restoreProperties() {
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void target_isEmbeddedUnlessChosen_andParsedWithoutRegardToCase() {
        assertThat(AwsTarget.parse("LocalStack")).isEqualTo(AwsTarget.LOCALSTACK);
        assertThat(AwsTarget.parse(" endpoints ")).isEqualTo(AwsTarget.ENDPOINTS);
        setProperty(AwsTarget.PROPERTY, "");
        assertThat(AwsTarget.fromSystemProperties()).isEqualTo(AwsTarget.EMBEDDED);
    }

    @Test
    void unknownTarget_isRefused_namingTheTargetsThatExist() {
        assertThatThrownBy(() -> AwsTarget.parse("moto"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedded, endpoints, localstack");
    }

    @Test
    @ExtendWith(LocalAwsExtension.class)
    void endpointsTarget_talksToTheEndpointsGivenOnTheCommandLine(LocalAws running) {
        setProperty(LocalAws.DYNAMODB_PROPERTY, running.dynamoDbEndpoint().toString());
        setProperty(LocalAws.S3_PROPERTY, running.s3Endpoint().toString());
        setProperty(LocalAws.SQS_PROPERTY, running.sqsEndpoint().toString());
        setProperty(LocalAws.REGION_PROPERTY, running.region().id());

        try (LocalAws given = LocalAws.endpoints()) {
            assertThat(given.target()).isEqualTo(AwsTarget.ENDPOINTS);
            assertThat(given.dynamoDbStreamsEndpoint()).as("streams default to the DynamoDB endpoint").isEqualTo(running.dynamoDbEndpoint());
            assertThat(given.dynamoDb().listTables().tableNames()).isNotNull();
            assertThat(given.s3().listBuckets().buckets()).isNotNull();
            assertThat(given.sqs().listQueues().queueUrls()).isNotNull();
            assertThat(given.marksTtlDeletions()).isFalse();
        }
    }

    @Test
    void endpointsTarget_usesOneEndpointForEveryService_likeMotoOrLocalStack() {
        setProperty(LocalAws.ENDPOINT_PROPERTY, "http://127.0.0.1:5000");
        setProperty(LocalAws.DYNAMODB_PROPERTY, "");
        setProperty(LocalAws.S3_PROPERTY, "");
        setProperty(LocalAws.SQS_PROPERTY, "");

        try (LocalAws given = LocalAws.endpoints()) {
            assertThat(given.dynamoDbEndpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
            assertThat(given.dynamoDbStreamsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
            assertThat(given.s3Endpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
            assertThat(given.sqsEndpoint()).isEqualTo(URI.create("http://127.0.0.1:5000"));
        }
    }

    @Test
    void endpointsTarget_withoutEndpoints_usesAwsForTheRegion() {
        setProperty(LocalAws.ENDPOINT_PROPERTY, "");
        setProperty(LocalAws.DYNAMODB_PROPERTY, "");
        setProperty(LocalAws.S3_PROPERTY, "");
        setProperty(LocalAws.SQS_PROPERTY, "");
        setProperty(LocalAws.REGION_PROPERTY, "eu-west-1");

        try (LocalAws given = LocalAws.endpoints()) {
            assertThat(given.region()).isEqualTo(Region.EU_WEST_1);
            assertThat(given.dynamoDbEndpoint()).isEqualTo(URI.create("https://dynamodb.eu-west-1.amazonaws.com"));
            assertThat(given.dynamoDbStreamsEndpoint()).isEqualTo(URI.create("https://streams.dynamodb.eu-west-1.amazonaws.com"));
            assertThat(given.s3Endpoint()).isEqualTo(URI.create("https://s3.eu-west-1.amazonaws.com"));
            assertThat(given.sqsEndpoint()).isEqualTo(URI.create("https://sqs.eu-west-1.amazonaws.com"));
        }
    }

    private void setProperty(String name, String value) {
        savedProperties.putIfAbsent(name, System.getProperty(name));
        System.setProperty(name, value);
    }
}
