package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.audit.FieldChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The audit log in the policy table: one item per record, partition {@code audit:<subject>}, sort
 * key the record's time in zero-padded epoch microseconds plus a random suffix, so that a subject's
 * history is one Query in time order and two records of the same instant never collide.
 * {@link DynamoDbPolicyRepository} writes the records of policy changes in the same transaction as
 * the change itself (see {@link #put}).
 */
public final class DynamoDbAuditLog implements AuditLogPort {

    private static final String SERVICE = "DynamoDB audit log";
    private static final String KIND_PREFIX = "audit:";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbAuditLog(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void append(AuditRecord record) {
        try {
            Put put = put(tableName, record);
            dynamoDb.putItem(b -> b.tableName(put.tableName()).item(put.item())
                    .conditionExpression(put.conditionExpression()).expressionAttributeNames(put.expressionAttributeNames()));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public List<AuditRecord> history(String subject) {
        try {
            return PolicyTableItems.ofKind(dynamoDb, tableName, KIND_PREFIX + subject).stream().map(DynamoDbAuditLog::toRecord).toList();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    /** A put of the record's item, conditional on its key being new: for a transaction. */
    static Put put(String tableName, AuditRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DynamoDbPolicyRepository.KIND, DynamoDbPolicyRepository.s(KIND_PREFIX + record.subject()));
        item.put(DynamoDbPolicyRepository.ID, DynamoDbPolicyRepository.s(sortKey(record.at())));
        item.put("subject", DynamoDbPolicyRepository.s(record.subject()));
        item.put("action", DynamoDbPolicyRepository.s(record.action().name()));
        item.put("actor", DynamoDbPolicyRepository.s(record.actor()));
        item.put("at", DynamoDbPolicyRepository.s(record.at().toString()));
        item.put("summary", DynamoDbPolicyRepository.s(record.summary()));
        item.put("changes", AttributeValue.builder().l(record.changes().stream().map(DynamoDbAuditLog::change).toList()).build());
        return Put.builder().tableName(tableName).item(item)
                .conditionExpression("attribute_not_exists(#id)")
                .expressionAttributeNames(Map.of("#id", DynamoDbPolicyRepository.ID)).build();
    }

    private static String sortKey(Instant at) {
        long micros = Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
        // Sixteen digits cover every instant up to the year 2286; negative instants sort before them.
        return String.format("%016d#%s", micros, UUID.randomUUID().toString().substring(0, 8));
    }

    private static AttributeValue change(FieldChange change) {
        Map<String, AttributeValue> fields = new HashMap<>();
        fields.put("field", DynamoDbPolicyRepository.s(change.field()));
        if (change.before() != null) {
            fields.put("before", DynamoDbPolicyRepository.s(change.before()));
        }
        if (change.after() != null) {
            fields.put("after", DynamoDbPolicyRepository.s(change.after()));
        }
        return AttributeValue.builder().m(fields).build();
    }

    private static AuditRecord toRecord(Map<String, AttributeValue> item) {
        List<FieldChange> changes = item.get("changes").l().stream().map(AttributeValue::m)
                .map(m -> new FieldChange(m.get("field").s(), text(m, "before"), text(m, "after"))).toList();
        return new AuditRecord(item.get("subject").s(), AuditAction.valueOf(item.get("action").s()), item.get("actor").s(),
                Instant.parse(item.get("at").s()), item.get("summary").s(), changes);
    }

    private static String text(Map<String, AttributeValue> map, String name) {
        AttributeValue value = map.get(name);
        return value == null ? null : value.s();
    }
}
