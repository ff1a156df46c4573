package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** What the adapters that keep their items in the policy table share: reading one kind whole, and storing an item key. */
final class PolicyTableItems {

    private PolicyTableItems() {
    }

    /** Every item of one {@code kind} (one partition), in id order, strongly consistent, page by page. */
    static List<Map<String, AttributeValue>> ofKind(DynamoDbClient dynamoDb, String tableName, String kind) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).consistentRead(true)
                    .keyConditionExpression("#kind = :kind")
                    .expressionAttributeNames(Map.of("#kind", DynamoDbPolicyRepository.KIND))
                    .expressionAttributeValues(Map.of(":kind", DynamoDbPolicyRepository.s(kind)))
                    .exclusiveStartKey(exclusiveStart));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Stores a live item's key: its attributes as a map, and their order (partition key first), since a map has none. */
    static void putItemKey(Map<String, AttributeValue> item, ItemKey key) {
        item.put("itemKey", AttributeValue.builder().m(SdkAttributeValues.toSdkAttributes(key.asAttributes())).build());
        item.put("keyOrder", AttributeValue.builder().l(key.asAttributes().keySet().stream()
                .map(DynamoDbPolicyRepository::s).toList()).build());
    }

    static ItemKey itemKey(Map<String, AttributeValue> item) {
        List<String> order = item.get("keyOrder").l().stream().map(AttributeValue::s).toList();
        KeySchema schema = order.size() == 1 ? KeySchema.partitionKey(order.get(0)) : KeySchema.composite(order.get(0), order.get(1));
        return schema.keyOf(new Item(SdkAttributeValues.toDomainAttributes(item.get("itemKey").m())));
    }
}
