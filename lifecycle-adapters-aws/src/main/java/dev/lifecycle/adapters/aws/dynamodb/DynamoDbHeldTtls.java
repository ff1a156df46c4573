package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.ID;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.KIND;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.s;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.archive.KeyToken;
import dev.lifecycle.domain.hold.HeldTtl;
import dev.lifecycle.domain.hold.HeldTtlsPort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * The original TTLs of held items in the policy table: one item {@code (held-ttl:<table>, <key token>)}
 * each, written only if absent so that the first original is the one given back.
 */
public final class DynamoDbHeldTtls implements HeldTtlsPort {

    private static final String KIND_PREFIX = "held-ttl:";
    private static final String SERVICE = "DynamoDB policy table";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbHeldTtls(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void record(HeldTtl held) {
        Map<String, AttributeValue> item = new HashMap<>(key(held.table(), held.key()));
        PolicyTableItems.putItemKey(item, held.key());
        item.put("ttlAttribute", s(held.ttlAttribute()));
        item.put("original", SdkAttributeValues.toSdk(held.original()));
        item.put("removedAt", s(held.removedAt().toString()));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item)
                    .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID)));
        } catch (ConditionalCheckFailedException firstOriginalWins) {
            // Recorded before (the application set a TTL again while held): keep the first original.
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public Optional<HeldTtl> find(TableName table, ItemKey key) {
        try {
            GetItemResponse response = dynamoDb.getItem(b -> b.tableName(tableName).key(key(table, key)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(toHeld(table, response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public List<HeldTtl> all(TableName table) {
        try {
            return PolicyTableItems.ofKind(dynamoDb, tableName, KIND_PREFIX + table.value()).stream()
                    .map(item -> toHeld(table, item)).toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void forget(TableName table, ItemKey key) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(key(table, key)));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static Map<String, AttributeValue> key(TableName table, ItemKey key) {
        return Map.of(KIND, s(KIND_PREFIX + table.value()), ID, s(KeyToken.encode(key)));
    }

    private static HeldTtl toHeld(TableName table, Map<String, AttributeValue> item) {
        return new HeldTtl(table, PolicyTableItems.itemKey(item), item.get("ttlAttribute").s(), SdkAttributeValues.toDomain(item.get("original")),
                Instant.parse(item.get("removedAt").s()));
    }
}
