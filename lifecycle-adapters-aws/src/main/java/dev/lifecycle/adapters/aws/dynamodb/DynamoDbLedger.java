package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.n;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.s;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.LedgerKey;
import dev.lifecycle.domain.ledger.LedgerPort;
import dev.lifecycle.domain.ledger.LedgerTally;
import dev.lifecycle.domain.ledger.SkipKind;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The ledger in the policy table (see {@link DynamoDbPolicyRepository}): one item per table, day
 * and cause, {@code (ledger:<table>, <yyyy-MM-dd>#<cause>)}, its own partition per table, so that
 * listing policies never meets it. An addition is one {@code UpdateItem ... ADD} per key: DynamoDB
 * applies each atomically and serializes concurrent ones, so parallel invocations never lose a
 * count. A day is one strongly consistent {@code Query} with {@code begins_with} on the id.
 */
public final class DynamoDbLedger implements LedgerPort {

    static final String KIND_PREFIX = "ledger:";
    private static final String SERVICE = "DynamoDB policy table (ledger)";
    private static final String RECEIVED = "received";
    private static final String ARCHIVED = "archived";
    private static final String ALREADY_ARCHIVED = "alreadyArchived";
    private static final String FAILED = "failed";
    private static final String UNDECODABLE = "undecodable";
    private static final Map<SkipKind, String> SKIPPED = Map.of(
            SkipKind.NOT_A_REMOVAL, "skippedNotARemoval",
            SkipKind.CAUSE_NOT_ARCHIVED, "skippedCauseNotArchived",
            SkipKind.KEY_OUTSIDE_FILTER, "skippedKeyOutsideFilter",
            SkipKind.NO_OLD_IMAGE, "skippedNoOldImage");

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbLedger(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void add(LedgerTally tally) {
        tally.increments().forEach(this::add);
    }

    private void add(LedgerKey key, LedgerCounts counts) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder adds = new StringBuilder();
        addCounter(RECEIVED, counts.received(), names, values, adds);
        addCounter(ARCHIVED, counts.archived(), names, values, adds);
        addCounter(ALREADY_ARCHIVED, counts.alreadyArchived(), names, values, adds);
        SKIPPED.forEach((kind, attribute) -> addCounter(attribute, counts.skipped(kind), names, values, adds));
        addCounter(FAILED, counts.failed(), names, values, adds);
        addCounter(UNDECODABLE, counts.undecodable(), names, values, adds);
        names.put("#table", "table");
        names.put("#day", "day");
        names.put("#cause", "cause");
        values.put(":table", s(key.table().value()));
        values.put(":day", s(key.day().toString()));
        values.put(":cause", s(key.cause().name()));
        String update = "SET #table = :table, #day = :day, #cause = :cause ADD " + adds;
        try {
            dynamoDb.updateItem(b -> b.tableName(tableName).key(key(key.table(), key.day() + "#" + key.cause().name()))
                    .updateExpression(update).expressionAttributeNames(names).expressionAttributeValues(values));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static void addCounter(String attribute, long increment, Map<String, String> names, Map<String, AttributeValue> values,
                                   StringBuilder adds) {
        if (!adds.isEmpty()) {
            adds.append(", ");
        }
        adds.append('#').append(attribute).append(" :").append(attribute);
        names.put("#" + attribute, attribute);
        values.put(":" + attribute, n(increment));
    }

    @Override
    public Map<LedgerCause, LedgerCounts> day(TableName table, LocalDate day) {
        Map<LedgerCause, LedgerCounts> found = new EnumMap<>(LedgerCause.class);
        Map<String, AttributeValue> start = null;
        try {
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("#kind = :kind AND begins_with(#id, :day)")
                        .expressionAttributeNames(Map.of("#kind", DynamoDbPolicyRepository.KIND, "#id", DynamoDbPolicyRepository.ID))
                        .expressionAttributeValues(Map.of(":kind", s(KIND_PREFIX + table.value()), ":day", s(day + "#")))
                        .exclusiveStartKey(exclusiveStart));
                for (Map<String, AttributeValue> item : page.items()) {
                    found.put(causeOf(item), countsOf(item));
                }
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
        return found;
    }

    private static Map<String, AttributeValue> key(TableName table, String id) {
        return Map.of(DynamoDbPolicyRepository.KIND, s(KIND_PREFIX + table.value()), DynamoDbPolicyRepository.ID, s(id));
    }

    private static LedgerCause causeOf(Map<String, AttributeValue> item) {
        String id = item.get(DynamoDbPolicyRepository.ID).s();
        String cause = id.substring(id.indexOf('#') + 1);
        try {
            return LedgerCause.valueOf(cause);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger item '" + id + "' names cause '" + cause + "', which this version does not know", e);
        }
    }

    private static LedgerCounts countsOf(Map<String, AttributeValue> item) {
        Map<SkipKind, Long> skipped = new EnumMap<>(SkipKind.class);
        SKIPPED.forEach((kind, attribute) -> skipped.put(kind, counter(item, attribute)));
        try {
            return new LedgerCounts(counter(item, RECEIVED), counter(item, ARCHIVED), counter(item, ALREADY_ARCHIVED), skipped,
                    counter(item, FAILED), counter(item, UNDECODABLE));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ledger item '" + item.get(DynamoDbPolicyRepository.ID).s() + "' of '"
                    + item.get(DynamoDbPolicyRepository.KIND).s() + "' is inconsistent: " + e.getMessage(), e);
        }
    }

    private static long counter(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
    }
}
