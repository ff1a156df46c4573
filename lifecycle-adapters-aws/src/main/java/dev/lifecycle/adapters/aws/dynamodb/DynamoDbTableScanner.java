package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.hygiene.ScanTablePort;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableNotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Pages through a live table with {@code Scan}: {@code Limit} items a page, {@code ExclusiveStartKey}
 * from the cursor, a {@code ProjectionExpression} of the requested attributes only (through
 * placeholders, since names such as {@code ttl} are reserved words), eventually consistent reads
 * (half the capacity of strong ones), and the consumed capacity reported so the caller can pace itself.
 * The projection shrinks what travels, not what DynamoDB charges: a Scan costs the full size of the
 * items it reads.
 */
public final class DynamoDbTableScanner implements ScanTablePort {

    private static final String SERVICE = "DynamoDB table scan";

    private final DynamoDbClient dynamoDb;

    public DynamoDbTableScanner(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    @Override
    public Page scan(PageRequest request) {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (String attribute : request.attributes()) {
            String placeholder = "#a" + names.size();
            names.put(placeholder, attribute);
            placeholders.add(placeholder);
        }
        ScanRequest.Builder scan = ScanRequest.builder()
                .tableName(request.table().value())
                .limit(request.limit())
                .projectionExpression(String.join(", ", placeholders))
                .expressionAttributeNames(names)
                .consistentRead(false)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        request.startAfter().ifPresent(cursor -> scan.exclusiveStartKey(SdkAttributeValues.toSdkAttributes(cursor.lastKey())));
        ScanResponse response;
        try {
            response = dynamoDb.scan(scan.build());
        } catch (ResourceNotFoundException e) {
            throw new TableNotFoundException(request.table());
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
        return toPage(response);
    }

    private static Page toPage(ScanResponse response) {
        List<Item> items = new ArrayList<>(response.items().size());
        for (int i = 0; i < response.items().size(); i++) {
            items.add(SdkAttributeValues.toItem(response.items().get(i), "Items[" + i + "]"));
        }
        double units = response.consumedCapacity() == null || response.consumedCapacity().capacityUnits() == null
                ? 0 : response.consumedCapacity().capacityUnits();
        Optional<Cursor> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(new Cursor(SdkAttributeValues.toDomainAttributes(response.lastEvaluatedKey(), "LastEvaluatedKey")))
                : Optional.empty();
        return new Page(items, units, next);
    }
}
