package dev.lifecycle.adapters.aws.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;

/** The mapping between Lambda's shapes and the domain's, on the SDK's own model classes. */
class LambdaStreamMappingsTest {

    private static final String STREAM = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-11-01T00:00:00.000";
    private static final String FUNCTION = "arn:aws:lambda:eu-west-1:123456789012:function:lifecycle-processor:live";
    private static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:lifecycle-failures";

    @Test
    void aMappingAsLambdaDescribesIt_becomesTheDomainsMapping_withItsFilterCompacted() {
        EventSourceMappingConfiguration described = EventSourceMappingConfiguration.builder()
                .uuid("14e0db71-5d35-4eb5-b481-8945cf9d10c2").eventSourceArn(STREAM).functionArn(FUNCTION).state("Enabled")
                .batchSize(1000).maximumBatchingWindowInSeconds(5).parallelizationFactor(1).maximumRetryAttempts(10)
                .maximumRecordAgeInSeconds(3600).bisectBatchOnFunctionError(true)
                .functionResponseTypes(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES)
                .filterCriteria(f -> f.filters(b -> b.pattern("{ \"eventName\" : [ \"REMOVE\" ] }")))
                .destinationConfig(d -> d.onFailure(o -> o.destination(QUEUE)))
                .build();

        StreamMapping mapping = LambdaStreamMappings.toMapping(described);

        assertThat(mapping).isEqualTo(new StreamMapping("14e0db71-5d35-4eb5-b481-8945cf9d10c2", STREAM, FUNCTION, MappingState.ENABLED,
                new MappingSettings(1000, 5, 1, 10, 3600, true, true, List.of(MappingSettings.REMOVE_ONLY), Optional.of(QUEUE))));
        assertThat(mapping.settings().safe()).isTrue();
    }

    @Test
    void whatLambdaLeavesOut_isLambdasDefault_forever_andUnsafe() {
        StreamMapping mapping = LambdaStreamMappings.toMapping(EventSourceMappingConfiguration.builder()
                .uuid("u").eventSourceArn(STREAM).functionArn(FUNCTION).state("Disabled").build());

        assertThat(mapping.state()).isEqualTo(MappingState.DISABLED);
        assertThat(mapping.settings()).isEqualTo(new MappingSettings(100, 0, 1, -1, -1, false, false, List.of(), Optional.empty()));
        assertThat(mapping.settings().safe()).isFalse();
    }

    @Test
    void anUnknownState_isOther_andWhiteSpaceInsideStrings_isKept() {
        assertThat(LambdaStreamMappings.state("Ready")).isEqualTo(MappingState.OTHER);
        assertThat(LambdaStreamMappings.state("Updating")).isEqualTo(MappingState.UPDATING);
        assertThat(LambdaStreamMappings.compact("{ \"a b\" : [ \"c \\\" d\" ] }")).isEqualTo("{\"a b\":[\"c \\\" d\"]}");
    }
}
