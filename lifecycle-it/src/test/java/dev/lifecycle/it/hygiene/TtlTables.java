package dev.lifecycle.it.hygiene;

import dev.lifecycle.it.aws.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Writes items with chosen TTL values into a table keyed {@code pk} + {@code sk}, 25 at a time, as BatchWriteItem allows. */
public final class TtlTables {

    private TtlTables() {
    }

    public static Map<String, AttributeValue> item(String pk, AttributeValue ttl) {
        Map<String, AttributeValue> item = new java.util.LinkedHashMap<>();
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromS("order#1"));
        // A large attribute the audit must not read back: the projection leaves it in the table.
        item.put("payload", AttributeValue.fromS("p".repeat(2_000)));
        if (ttl != null) {
            item.put("expiresAt", ttl);
        }
        return item;
    }

    public static void write(LocalAws aws, String table, List<Map<String, AttributeValue>> items) {
        for (int from = 0; from < items.size(); from += 25) {
            List<WriteRequest> batch = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(from, Math.min(items.size(), from + 25))) {
                batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = aws.dynamoDb().batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
