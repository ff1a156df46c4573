package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.table.TableNotFoundException;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * Items of live tables, for restores and holds: a strongly consistent read, a put conditional on
 * {@code attribute_not_exists} of the partition key, so that an item written meanwhile is never
 * overwritten, and single-attribute updates conditional on the item existing (a hold never
 * re-creates an item that was deleted).
 */
public final class DynamoDbLiveItems implements LiveItemPort {

    private static final String SERVICE = "DynamoDB";

    private final DynamoDbClient dynamoDb;

    public DynamoDbLiveItems(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public Optional<Item> read(TableName table, ItemKey key) {
        try {
            GetItemResponse response = dynamoDb.getItem(b -> b.tableName(table.value()).key(sdkKey(key)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty()
                    ? Optional.of(SdkAttributeValues.toItem(response.item(), table + " item"))
                    : Optional.empty();
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public PutOutcome putIfAbsent(TableName table, ItemKey key, Item item) {
        if (!key.identifies(item)) {
            throw new IllegalArgumentException("the item does not carry the key " + key.asAttributes());
        }
        try {
            dynamoDb.putItem(b -> b.tableName(table.value()).item(SdkAttributeValues.toSdkItem(item))
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", key.partitionKey().name())));
            return PutOutcome.WRITTEN;
        } catch (ConditionalCheckFailedException e) {
            return PutOutcome.ALREADY_EXISTS;
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public boolean removeAttribute(TableName table, ItemKey key, String attribute, dev.lifecycle.domain.item.AttributeValue expected) {
        return update(table, key, "REMOVE #attribute", "attribute_exists(#pk) AND #attribute = :value", attribute, expected);
    }

    @Override
    public boolean setAttributeIfAbsent(TableName table, ItemKey key, String attribute, dev.lifecycle.domain.item.AttributeValue value) {
        return update(table, key, "SET #attribute = :value", "attribute_exists(#pk) AND attribute_not_exists(#attribute)", attribute, value);
    }

    /** One UpdateItem of {@code #attribute} with {@code :value}, on condition; false when the condition failed. */
    private boolean update(TableName table, ItemKey key, String expression, String condition, String attribute,
                           dev.lifecycle.domain.item.AttributeValue value) {
        try {
            dynamoDb.updateItem(b -> b.tableName(table.value()).key(sdkKey(key)).updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(Map.of("#attribute", attribute, "#pk", key.partitionKey().name()))
                    .expressionAttributeValues(Map.of(":value", SdkAttributeValues.toSdk(value))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(table);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static Map<String, AttributeValue> sdkKey(ItemKey key) {
        return SdkAttributeValues.toSdkAttributes(key.asAttributes());
    }
}
