package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.ID;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.KIND;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.s;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.hold.HoldAlreadyExistsException;
import dev.lifecycle.domain.hold.HoldId;
import dev.lifecycle.domain.hold.HoldRecord;
import dev.lifecycle.domain.hold.HoldScope;
import dev.lifecycle.domain.hold.HoldState;
import dev.lifecycle.domain.hold.HoldsPort;
import dev.lifecycle.domain.hold.LegalHold;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Legal holds in the policy table, one item {@code (hold, <hold id>)} each; placing and releasing
 * are written in one transaction with their audit record.
 */
public final class DynamoDbHoldRepository implements HoldsPort {

    private static final String HOLD = "hold";
    private static final String SERVICE = "DynamoDB policy table";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbHoldRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void place(HoldRecord hold, AuditRecord record) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(toItem(hold))
                            .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID))).build(),
                    TransactWriteItem.builder().put(DynamoDbAuditLog.put(tableName, record)).build()));
        } catch (TransactionCanceledException e) {
            if (DynamoDbPolicyRepository.failedCondition(e.cancellationReasons(), 0)) {
                throw new HoldAlreadyExistsException(hold.id());
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void recordProgress(HoldRecord hold) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":state", s(hold.state().name())));
        List<String> set = new ArrayList<>();
        List<String> remove = new ArrayList<>();
        hold.archivesHeldThrough().ifPresentOrElse(day -> {
            set.add("archivesHeldThrough = :through");
            values.put(":through", s(day.toString()));
        }, () -> remove.add("archivesHeldThrough"));
        hold.problem().ifPresentOrElse(problem -> {
            set.add("problem = :problem");
            values.put(":problem", s(problem));
        }, () -> remove.add("problem"));
        String expression = (set.isEmpty() ? "" : "SET " + String.join(", ", set)) + (remove.isEmpty() ? "" : " REMOVE " + String.join(", ", remove));
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(key(hold.id().value())).updateExpression(expression.trim())
                    .conditionExpression("attribute_exists(#id) AND #state = :state")
                    .expressionAttributeNames(Map.of("#id", ID, "#state", "state"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException goneOrReleased) {
            // Released (or cleaned up) since the run read it: its progress no longer applies.
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void release(HoldRecord released, AuditRecord record) {
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(toItem(released))
                            .conditionExpression("attribute_exists(#id)").expressionAttributeNames(Map.of("#id", ID))).build(),
                    TransactWriteItem.builder().put(DynamoDbAuditLog.put(tableName, record)).build()));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void remove(HoldId id) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(key(id.value())));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public Optional<HoldRecord> find(HoldId id) {
        try {
            GetItemResponse response = dynamoDb.getItem(b -> b.tableName(tableName).key(key(id.value())).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(toRecord(response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public List<HoldRecord> all() {
        try {
            return PolicyTableItems.ofKind(dynamoDb, tableName, HOLD).stream().map(DynamoDbHoldRepository::toRecord).toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static Map<String, AttributeValue> key(String id) {
        return Map.of(KIND, s(HOLD), ID, s(id));
    }

    private static Map<String, AttributeValue> toItem(HoldRecord record) {
        LegalHold hold = record.hold();
        Map<String, AttributeValue> item = new HashMap<>(key(hold.id().value()));
        item.put("table", s(hold.table().value()));
        if (hold.scope() instanceof HoldScope.SingleItem single) {
            item.put("scope", s("ITEM"));
            PolicyTableItems.putItemKey(item, single.key());
        } else {
            item.put("scope", s("PREFIX"));
            item.put("prefix", s(((HoldScope.PartitionKeyPrefix) hold.scope()).prefix()));
        }
        item.put("reason", s(hold.reason()));
        item.put("author", s(hold.author()));
        item.put("placedAt", s(hold.placedAt().toString()));
        item.put("state", s(record.state().name()));
        record.archivesHeldThrough().ifPresent(day -> item.put("archivesHeldThrough", s(day.toString())));
        record.problem().ifPresent(problem -> item.put("problem", s(problem)));
        record.releasedAt().ifPresent(at -> item.put("releasedAt", s(at.toString())));
        record.releasedBy().ifPresent(by -> item.put("releasedBy", s(by)));
        return item;
    }

    private static HoldRecord toRecord(Map<String, AttributeValue> item) {
        HoldScope scope;
        if ("ITEM".equals(item.get("scope").s())) {
            scope = new HoldScope.SingleItem(PolicyTableItems.itemKey(item));
        } else {
            scope = new HoldScope.PartitionKeyPrefix(item.get("prefix").s());
        }
        LegalHold hold = new LegalHold(new HoldId(item.get(ID).s()), TableName.of(item.get("table").s()), scope,
                item.get("reason").s(), item.get("author").s(), Instant.parse(item.get("placedAt").s()));
        return new HoldRecord(hold, HoldState.valueOf(item.get("state").s()),
                text(item, "archivesHeldThrough").map(LocalDate::parse), text(item, "problem"),
                text(item, "releasedAt").map(Instant::parse), text(item, "releasedBy"));
    }

    private static Optional<String> text(Map<String, AttributeValue> item, String name) {
        return Optional.ofNullable(item.get(name)).map(AttributeValue::s);
    }
}
