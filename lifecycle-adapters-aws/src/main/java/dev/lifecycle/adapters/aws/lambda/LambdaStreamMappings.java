package dev.lifecycle.adapters.aws.lambda;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.mapping.MappingSettings;
import dev.lifecycle.domain.mapping.MappingState;
import dev.lifecycle.domain.mapping.StreamMapping;
import dev.lifecycle.domain.mapping.StreamMappingPort;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.DestinationConfig;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.Filter;
import software.amazon.awssdk.services.lambda.model.FilterCriteria;
import software.amazon.awssdk.services.lambda.model.FunctionResponseType;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsRequest;
import software.amazon.awssdk.services.lambda.model.OnFailure;

/**
 * {@link StreamMappingPort} on Lambda's event source mapping API (the SDK's Lambda client): lists
 * through the SDK's paginator, creates at TRIM_HORIZON, and maps Lambda's shapes to the domain's and
 * back. Filter patterns are compared as JSON text without white space outside strings.
 */
public final class LambdaStreamMappings implements StreamMappingPort {

    private static final String SERVICE = "Lambda";

    private final LambdaClient lambda;

    public LambdaStreamMappings(LambdaClient lambda) {
        this.lambda = lambda;
    }

    @Override
    public List<StreamMapping> onStream(String streamArn) {
        return list(request -> request.eventSourceArn(streamArn));
    }

    @Override
    public List<StreamMapping> ofFunction(String functionArn) {
        return list(request -> request.functionName(functionArn)).stream()
                .filter(mapping -> mapping.functionArn().equals(functionArn)).toList();
    }

    @Override
    public StreamMapping create(String streamArn, String functionArn, MappingSettings settings) {
        try {
            var created = lambda.createEventSourceMapping(request -> request.eventSourceArn(streamArn).functionName(functionArn)
                    .enabled(true).startingPosition(EventSourcePosition.TRIM_HORIZON)
                    .batchSize(settings.batchSize()).maximumBatchingWindowInSeconds(settings.batchingWindowSeconds())
                    .parallelizationFactor(settings.parallelizationFactor())
                    .maximumRetryAttempts(settings.maximumRetryAttempts()).maximumRecordAgeInSeconds(settings.maximumRecordAgeSeconds())
                    .bisectBatchOnFunctionError(settings.bisectBatchOnFunctionError())
                    .functionResponseTypes(responseTypes(settings)).filterCriteria(filterCriteria(settings))
                    .destinationConfig(destination(settings)));
            return toMapping(created.uuid(), created.eventSourceArn(), created.functionArn(), created.state(),
                    config(created.batchSize(), created.maximumBatchingWindowInSeconds(), created.parallelizationFactor(),
                            created.maximumRetryAttempts(), created.maximumRecordAgeInSeconds(), created.bisectBatchOnFunctionError(),
                            created.functionResponseTypes(), created.filterCriteria(), created.destinationConfig()));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public StreamMapping update(String id, String functionArn, MappingSettings settings, boolean enabled) {
        try {
            var updated = lambda.updateEventSourceMapping(request -> request.uuid(id).functionName(functionArn).enabled(enabled)
                    .batchSize(settings.batchSize()).maximumBatchingWindowInSeconds(settings.batchingWindowSeconds())
                    .parallelizationFactor(settings.parallelizationFactor())
                    .maximumRetryAttempts(settings.maximumRetryAttempts()).maximumRecordAgeInSeconds(settings.maximumRecordAgeSeconds())
                    .bisectBatchOnFunctionError(settings.bisectBatchOnFunctionError())
                    .functionResponseTypes(responseTypes(settings)).filterCriteria(filterCriteria(settings))
                    .destinationConfig(destination(settings)));
            return toMapping(updated.uuid(), updated.eventSourceArn(), updated.functionArn(), updated.state(),
                    config(updated.batchSize(), updated.maximumBatchingWindowInSeconds(), updated.parallelizationFactor(),
                            updated.maximumRetryAttempts(), updated.maximumRecordAgeInSeconds(), updated.bisectBatchOnFunctionError(),
                            updated.functionResponseTypes(), updated.filterCriteria(), updated.destinationConfig()));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void delete(String id) {
        try {
            lambda.deleteEventSourceMapping(request -> request.uuid(id));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private List<StreamMapping> list(Consumer<ListEventSourceMappingsRequest.Builder> query) {
        try {
            return lambda.listEventSourceMappingsPaginator(ListEventSourceMappingsRequest.builder().applyMutation(query).build())
                    .eventSourceMappings().stream()
                    .filter(m -> m.eventSourceArn() != null && m.eventSourceArn().contains(":dynamodb:"))
                    .map(LambdaStreamMappings::toMapping).toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    static StreamMapping toMapping(EventSourceMappingConfiguration m) {
        return toMapping(m.uuid(), m.eventSourceArn(), m.functionArn(), m.state(),
                config(m.batchSize(), m.maximumBatchingWindowInSeconds(), m.parallelizationFactor(), m.maximumRetryAttempts(),
                        m.maximumRecordAgeInSeconds(), m.bisectBatchOnFunctionError(), m.functionResponseTypes(), m.filterCriteria(),
                        m.destinationConfig()));
    }

    private static StreamMapping toMapping(String id, String stream, String function, String state, MappingSettings settings) {
        return new StreamMapping(id, stream, function, state(state), settings);
    }

    /** Lambda's view of the settings; a value Lambda leaves out is Lambda's default for DynamoDB streams. */
    static MappingSettings config(Integer batchSize, Integer window, Integer parallelization, Integer retries, Integer recordAge,
                                  Boolean bisect, List<FunctionResponseType> responseTypes, FilterCriteria filters,
                                  DestinationConfig destination) {
        List<String> patterns = filters == null || filters.filters() == null ? List.of()
                : filters.filters().stream().map(Filter::pattern).map(LambdaStreamMappings::compact).toList();
        Optional<String> onFailure = Optional.ofNullable(destination).map(DestinationConfig::onFailure).map(OnFailure::destination)
                .filter(arn -> !arn.isBlank());
        return new MappingSettings(batchSize == null ? 100 : batchSize, window == null ? 0 : window,
                parallelization == null ? 1 : parallelization, retries == null ? -1 : retries, recordAge == null ? -1 : recordAge,
                Boolean.TRUE.equals(bisect), responseTypes != null && responseTypes.contains(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES),
                patterns, onFailure);
    }

    static MappingState state(String state) {
        if (state == null) {
            return MappingState.OTHER;
        }
        try {
            return MappingState.valueOf(state.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return MappingState.OTHER;
        }
    }

    /** JSON text without the white space outside its strings, so that equal patterns compare equal. */
    static String compact(String json) {
        if (json == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(json.length());
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\' && i + 1 < json.length()) {
                    out.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static List<FunctionResponseType> responseTypes(MappingSettings settings) {
        return settings.reportBatchItemFailures() ? List.of(FunctionResponseType.REPORT_BATCH_ITEM_FAILURES) : List.of();
    }

    private static FilterCriteria filterCriteria(MappingSettings settings) {
        return FilterCriteria.builder().filters(settings.filterPatterns().stream()
                .map(pattern -> Filter.builder().pattern(pattern).build()).toList()).build();
    }

    private static DestinationConfig destination(MappingSettings settings) {
        return DestinationConfig.builder().onFailure(OnFailure.builder().destination(settings.failureDestination().orElse(null)).build())
                .build();
    }
}
