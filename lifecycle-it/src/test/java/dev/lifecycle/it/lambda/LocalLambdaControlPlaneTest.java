package dev.lifecycle.it.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableConfiguration;
import dev.lifecycle.adapters.aws.lambda.LambdaStreamMappings;
import dev.lifecycle.adapters.aws.s3.S3BucketConfiguration;
import dev.lifecycle.domain.apply.ApplyCommand;
import dev.lifecycle.domain.apply.ApplyResult;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import dev.lifecycle.domain.apply.PolicyConfigurationService;
import dev.lifecycle.domain.apply.Setting;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.mapping.StreamProcessor;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryPolicyStatus;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.apply.ApplyFixtures;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The local Lambda control plane answers the SDK's Lambda client as Lambda does (through the
 * platform's own adapter), and a mapping that apply makes there delivers the table's REMOVE records to
 * the function registered under its ARN: applying a policy is all it takes.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalLambdaControlPlaneTest {

    private static final String FUNCTION = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-stream-processor:live";
    private static final String OTHER = "arn:aws:lambda:us-east-1:000000000000:function:search-indexer";
    private static final String QUEUE_ARN = "arn:aws:sqs:us-east-1:000000000000:lifecycle-failures";
    private static final MappingSettings SAFE = new MappingSettings(100, 0, 1, 2, 3600, true, true,
            List.of(MappingSettings.REMOVE_ONLY), Optional.of(QUEUE_ARN));

    private final LocalAws aws;
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final LocalLambdaControlPlane plane;
    private final LambdaClient lambda;
    private final LambdaStreamMappings mappings;

    LocalLambdaControlPlaneTest(LocalAws aws) {
        this.aws = aws;
        String queueUrl = aws.sqs().createQueue(b -> b.queueName("control-plane-failures")).queueUrl();
        plane = LocalLambdaControlPlane.start(0, aws.dynamoDbStreams(), aws.sqs(), aws.region().id(), arn -> queueUrl,
                Duration.ofMillis(100));
        plane.register(FUNCTION, event -> {
            delivered.add(new String(event, StandardCharsets.UTF_8));
            return new InvocationResult.Response("{\"batchItemFailures\":[]}".getBytes(StandardCharsets.UTF_8));
        });
        plane.register(OTHER, event -> new InvocationResult.Response(new byte[0]));
        lambda = LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).endpointOverride(plane.endpoint())
                .region(aws.region()).credentialsProvider(aws.credentials()).build();
        mappings = new LambdaStreamMappings(lambda);
    }

    @AfterEach
    void stop() {
        lambda.close();
        plane.close();
    }

    @Test
    void create_listByStreamAndByFunction_update_delete_roundTripEverySetting() {
        String stream = streamOf(ApplyFixtures.table(aws, "plane", StreamViewType.NEW_AND_OLD_IMAGES));

        StreamMapping created = mappings.create(stream, FUNCTION, SAFE);

        assertThat(created.state()).isEqualTo(MappingState.CREATING);
        assertThat(mappings.onStream(stream)).singleElement().satisfies(listed -> {
            assertThat(listed.id()).isEqualTo(created.id());
            assertThat(listed.state()).isEqualTo(MappingState.ENABLED);
            assertThat(listed.settings()).isEqualTo(SAFE);
        });
        assertThat(mappings.ofFunction(FUNCTION)).extracting(StreamMapping::id).contains(created.id());
        assertThat(mappings.ofFunction(OTHER)).isEmpty();

        StreamMapping updated = mappings.update(created.id(), FUNCTION, SAFE.withBatching(10, 2), false);

        assertThat(updated.state()).isEqualTo(MappingState.UPDATING);
        assertThat(mappings.onStream(stream)).singleElement().satisfies(listed -> {
            assertThat(listed.state()).isEqualTo(MappingState.DISABLED);
            assertThat(listed.settings()).isEqualTo(SAFE.withBatching(10, 2));
        });
        mappings.delete(created.id());
        assertThat(mappings.onStream(stream)).isEmpty();
    }

    @Test
    void whatLambdaRefuses_isRefusedWithLambdasErrorCodes() {
        String stream = streamOf(ApplyFixtures.table(aws, "refused", StreamViewType.NEW_AND_OLD_IMAGES));
        mappings.create(stream, FUNCTION, SAFE);

        assertThatThrownBy(() -> mappings.create(stream, FUNCTION, SAFE)).isInstanceOf(DependencyFailureException.class)
                .hasMessageContaining("ResourceConflictException (HTTP 409)");
        assertThatThrownBy(() -> mappings.delete("00000000-0000-0000-0000-000000000000"))
                .hasMessageContaining("ResourceNotFoundException (HTTP 404)");
        assertThatThrownBy(() -> mappings.create(stream, "arn:aws:lambda:us-east-1:000000000000:function:missing", SAFE))
                .hasMessageContaining("ResourceNotFoundException").hasMessageContaining("Function not found");
        assertThatThrownBy(() -> lambda.createEventSourceMapping(b -> b.eventSourceArn(stream).functionName(OTHER)
                .startingPosition("TRIM_HORIZON").batchSize(10_001)))
                .hasMessageContaining("BatchSize must be 1 to 10000");
    }

    @Test
    void listing_pagesWithAMarker_throughTheSdksPaginator() {
        String stream = streamOf(ApplyFixtures.table(aws, "paged", StreamViewType.NEW_AND_OLD_IMAGES));
        mappings.create(stream, FUNCTION, SAFE);
        mappings.create(stream, OTHER, SAFE);

        assertThat(lambda.listEventSourceMappingsPaginator(b -> b.eventSourceArn(stream).maxItems(1)).eventSourceMappings())
                .hasSize(2);
    }

    @Test
    void applyingAPolicy_connectsTheTable_andItsRemovalsReachTheFunction_andDriftSeesAMappingDisabledByHand() {
        String table = ApplyFixtures.table(aws, "applied");
        String bucket = ApplyFixtures.bucket(aws, "applied");
        InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
        RetentionPolicy policy = TestPolicies.withDestination(TestPolicies.withTable(TestPolicies.draft(), table), bucket, "archive")
                .toPolicy(PolicyId.of(table), PolicyVersion.initial());
        policies.add(policy);
        PolicyConfigurationService service = new PolicyConfigurationService(policies, new DynamoDbTableConfiguration(aws.dynamoDb()),
                new S3BucketConfiguration(aws.s3()), mappings, Optional.of(new StreamProcessor(FUNCTION, SAFE)),
                new InMemoryPolicyStatus(), new InMemoryAuditLog(), Clock.systemUTC());

        ApplyResult result = service.apply(ApplyCommand.of(policy.id(), "alice"));

        assertThat(result.complete()).as(result.toString()).isTrue();
        assertThat(result.results()).extracting(r -> r.change().setting()).contains(Setting.EVENT_SOURCE_MAPPING);
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("customer#1"), "sk", AttributeValue.fromS("order#1"));
        aws.dynamoDb().putItem(b -> b.tableName(table).item(key));
        aws.dynamoDb().deleteItem(b -> b.tableName(table).key(key));
        awaitDelivery("\"REMOVE\"");
        assertThat(delivered).noneMatch(event -> event.contains("\"INSERT\""));

        StreamMapping mapping = mappings.onStream(streamOf(table)).get(0);
        lambda.updateEventSourceMapping(b -> b.uuid(mapping.id()).enabled(false).batchSize(7));
        DriftReport drifted = service.check(policy.id());
        assertThat(drifted.state()).isEqualTo(DriftState.DRIFTED);
        assertThat(drifted.differences()).singleElement().satisfies(d ->
                assertThat(d.consequence()).contains("State DISABLED → ENABLED", "BatchSize 7 → 100"));
        service.apply(ApplyCommand.of(policy.id(), "alice"));
        assertThat(service.check(policy.id()).state()).isEqualTo(DriftState.IN_SYNC);
    }

    private String streamOf(String table) {
        return aws.dynamoDb().describeTable(b -> b.tableName(table)).table().latestStreamArn();
    }

    private void awaitDelivery(String fragment) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (delivered.stream().noneMatch(event -> event.contains(fragment))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no event with " + fragment + " reached the function in 30 s; mappings " + plane.describe());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
