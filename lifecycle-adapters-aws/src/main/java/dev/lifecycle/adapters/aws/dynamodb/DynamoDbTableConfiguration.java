package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.item.KeySchema;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableConfigurationPort;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import dev.lifecycle.domain.table.TableSettings;
import dev.lifecycle.domain.table.TtlStatus;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;

/**
 * A table's key schema, TTL and stream through DescribeTable, DescribeTimeToLive, UpdateTimeToLive
 * and UpdateTable. DynamoDB's refusal of a second TTL change within the hour becomes
 * {@code RateLimited}; a missing table becomes {@link TableNotFoundException}; every other SDK
 * failure a {@code DependencyFailureException}. Stream changes wait until the table is ACTIVE
 * again, so that the next change is accepted.
 */
public final class DynamoDbTableConfiguration implements TableConfigurationPort {

    /** DynamoDB's words for "one TTL change per table per hour" (a ValidationException). */
    static final String RATE_LIMIT_MESSAGE = "multiple times within a fixed interval";
    private static final String SERVICE = "DynamoDB table configuration";

    private final DynamoDbClient dynamoDb;

    public DynamoDbTableConfiguration(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public TableSettings describe(TableName table) {
        try {
            TableDescription description = dynamoDb.describeTable(b -> b.tableName(table.value())).table();
            TimeToLiveDescription ttl = dynamoDb.describeTimeToLive(b -> b.tableName(table.value())).timeToLiveDescription();
            return new TableSettings(table, keySchema(description), ttlStatus(ttl),
                    Optional.ofNullable(ttl == null ? null : ttl.attributeName()).filter(name -> !name.isEmpty()).map(AttributeName::of),
                    stream(description));
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public TtlChangeOutcome enableTtl(TableName table, AttributeName attribute) {
        return updateTtl(table, attribute, true);
    }

    @Override
    public TtlChangeOutcome disableTtl(TableName table, AttributeName attribute) {
        return updateTtl(table, attribute, false);
    }

    @Override
    public TableSettings.StreamSettings enableStream(TableName table, StreamViewType viewType) {
        updateStream(table, StreamSpecification.builder().streamEnabled(true)
                .streamViewType(software.amazon.awssdk.services.dynamodb.model.StreamViewType.fromValue(viewType.name())).build());
        return describe(table).stream().orElseThrow(() -> new IllegalStateException(
                "DynamoDB accepted enabling the stream of '" + table + "' but describes the table without one"));
    }

    @Override
    public void disableStream(TableName table) {
        updateStream(table, StreamSpecification.builder().streamEnabled(false).build());
    }

    private TtlChangeOutcome updateTtl(TableName table, AttributeName attribute, boolean enabled) {
        try {
            dynamoDb.updateTimeToLive(b -> b.tableName(table.value())
                    .timeToLiveSpecification(ttl -> ttl.enabled(enabled).attributeName(attribute.value())));
            return new TtlChangeOutcome.Applied();
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (DynamoDbException e) {
            if (isRateLimit(e)) {
                return new TtlChangeOutcome.RateLimited(e.awsErrorDetails().errorMessage());
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private void updateStream(TableName table, StreamSpecification specification) {
        try {
            dynamoDb.updateTable(b -> b.tableName(table.value()).streamSpecification(specification));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(table.value()));
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    static boolean isRateLimit(DynamoDbException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode())
                && e.awsErrorDetails().errorMessage() != null
                && e.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT).contains(RATE_LIMIT_MESSAGE);
    }

    private static KeySchema keySchema(TableDescription description) {
        String partition = null;
        String sort = null;
        for (KeySchemaElement element : description.keySchema()) {
            if (element.keyType() == KeyType.HASH) {
                partition = element.attributeName();
            } else if (element.keyType() == KeyType.RANGE) {
                sort = element.attributeName();
            }
        }
        return new KeySchema(partition, Optional.ofNullable(sort));
    }

    private static TtlStatus ttlStatus(TimeToLiveDescription ttl) {
        if (ttl == null || ttl.timeToLiveStatusAsString() == null) {
            return TtlStatus.DISABLED;
        }
        return TtlStatus.valueOf(ttl.timeToLiveStatusAsString());
    }

    private static Optional<TableSettings.StreamSettings> stream(TableDescription description) {
        StreamSpecification specification = description.streamSpecification();
        if (specification == null || !Boolean.TRUE.equals(specification.streamEnabled()) || description.latestStreamArn() == null) {
            return Optional.empty();
        }
        return Optional.of(new TableSettings.StreamSettings(description.latestStreamArn(),
                StreamViewType.valueOf(specification.streamViewTypeAsString())));
    }
}
