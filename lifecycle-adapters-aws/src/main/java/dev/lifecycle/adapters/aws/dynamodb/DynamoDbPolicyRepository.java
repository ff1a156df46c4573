package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyAlreadyExistsException;
import dev.lifecycle.domain.policy.PolicyDraft;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.PolicyVersionConflictException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.SavePolicyPort;
import dev.lifecycle.domain.policy.TableAlreadyGovernedException;
import dev.lifecycle.domain.table.TableName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Policies in a DynamoDB table with key {@code kind} (partition) + {@code id} (sort). Each policy
 * is an item {@code (policy, <policy id>)}; the table it governs is claimed by an item
 * {@code (table, <table name>)} naming the policy, written in the same transaction, which keeps
 * one policy per table and makes the lookup by table two strongly consistent reads, not a scan.
 * Every write is conditional on the version it replaces (optimistic locking), and carries its audit
 * record (see {@link DynamoDbAuditLog}) in the same transaction.
 */
public final class DynamoDbPolicyRepository implements LoadPolicyPort, SavePolicyPort {

    static final String KIND = "kind";
    static final String ID = "id";
    private static final String POLICY = "policy";
    private static final String TABLE_CLAIM = "table";
    private static final String SERVICE = "DynamoDB policy table";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPolicyRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Creates the policy table (on-demand capacity) when it does not exist; for local use and tests. */
    public void createTableIfMissing() {
        try {
            dynamoDb.createTable(b -> b.tableName(tableName)
                    .keySchema(KeySchemaElement.builder().attributeName(KIND).keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName(ID).keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName(KIND).attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName(ID).attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
            dynamoDb.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        } catch (ResourceInUseException alreadyThere) {
            // created before, or concurrently: fine
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public Optional<RetentionPolicy> findById(PolicyId id) {
        return getItem(POLICY, id.value()).map(PolicyItems::toPolicy);
    }

    @Override
    public Optional<RetentionPolicy> findByTable(TableName table) {
        return getItem(TABLE_CLAIM, table.value())
                .map(claim -> claim.get(PolicyItems.POLICY_ID).s())
                .flatMap(policyId -> findById(PolicyId.of(policyId)))
                .filter(policy -> policy.table().equals(table));
    }

    @Override
    public PolicyPage list(Optional<PolicyId> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("page size must be at least 1, was " + limit);
        }
        List<RetentionPolicy> policies = new ArrayList<>();
        Map<String, AttributeValue> start = after.map(id -> key(POLICY, id.value())).orElse(null);
        try {
            // One extra item tells whether another page follows; DynamoDB's own LastEvaluatedKey may promise an empty page.
            while (policies.size() <= limit) {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse page = dynamoDb.query(b -> b.tableName(tableName).consistentRead(true)
                        .keyConditionExpression("#kind = :policy")
                        .expressionAttributeNames(Map.of("#kind", KIND))
                        .expressionAttributeValues(Map.of(":policy", s(POLICY)))
                        .exclusiveStartKey(exclusiveStart)
                        .limit(limit + 1 - policies.size()));
                page.items().stream().map(PolicyItems::toPolicy).forEach(policies::add);
                if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                    break;
                }
                start = page.lastEvaluatedKey();
            }
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
        boolean more = policies.size() > limit;
        List<RetentionPolicy> shown = more ? policies.subList(0, limit) : policies;
        return new PolicyPage(shown, more ? Optional.of(shown.get(shown.size() - 1).id()) : Optional.empty());
    }

    @Override
    public void create(RetentionPolicy policy, AuditRecord audit) {
        Map<String, AttributeValue> claim = new HashMap<>(key(TABLE_CLAIM, policy.table().value()));
        claim.put(PolicyItems.POLICY_ID, s(policy.id().value()));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(PolicyItems.toItem(policy, key(POLICY, policy.id().value())))
                            .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID))).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(claim)
                            .conditionExpression("attribute_not_exists(#id)").expressionAttributeNames(Map.of("#id", ID))).build(),
                    TransactWriteItem.builder().put(DynamoDbAuditLog.put(tableName, audit)).build()));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (failedCondition(reasons, 0)) {
                throw new PolicyAlreadyExistsException(policy.id());
            }
            if (failedCondition(reasons, 1)) {
                PolicyId governedBy = getItem(TABLE_CLAIM, policy.table().value())
                        .map(item -> PolicyId.of(item.get(PolicyItems.POLICY_ID).s())).orElse(policy.id());
                throw new TableAlreadyGovernedException(policy.table(), governedBy);
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void update(RetentionPolicy policy, AuditRecord audit) {
        PolicyVersion replaced = PolicyVersion.of(policy.version().value() - 1);
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().put(p -> p.tableName(tableName).item(PolicyItems.toItem(policy, key(POLICY, policy.id().value())))
                            .conditionExpression("#version = :replaced AND #table = :table")
                            .expressionAttributeNames(Map.of("#version", PolicyItems.VERSION, "#table", PolicyItems.TABLE))
                            .expressionAttributeValues(Map.of(":replaced", n(replaced.value()), ":table", s(policy.table().value())))).build(),
                    TransactWriteItem.builder().put(DynamoDbAuditLog.put(tableName, audit)).build()));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e.cancellationReasons(), 0)) {
                throw conflictOrMissing(policy.id(), replaced);
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void delete(PolicyId id, PolicyVersion expected, AuditRecord audit) {
        RetentionPolicy current = findById(id).orElseThrow(() -> new PolicyNotFoundException(id));
        try {
            dynamoDb.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(key(POLICY, id.value()))
                            .conditionExpression("#version = :expected")
                            .expressionAttributeNames(Map.of("#version", PolicyItems.VERSION))
                            .expressionAttributeValues(Map.of(":expected", n(expected.value())))).build(),
                    TransactWriteItem.builder().delete(d -> d.tableName(tableName).key(key(TABLE_CLAIM, current.table().value()))
                            .conditionExpression("#policy = :id")
                            .expressionAttributeNames(Map.of("#policy", PolicyItems.POLICY_ID))
                            .expressionAttributeValues(Map.of(":id", s(id.value())))).build(),
                    TransactWriteItem.builder().put(DynamoDbAuditLog.put(tableName, audit)).build()));
        } catch (TransactionCanceledException e) {
            if (failedCondition(e.cancellationReasons(), 0)) {
                throw conflictOrMissing(id, expected);
            }
            throw AwsFailures.translate(SERVICE, e);
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private RuntimeException conflictOrMissing(PolicyId id, PolicyVersion expected) {
        return findById(id)
                .<RuntimeException>map(current -> new PolicyVersionConflictException(id, expected, current.version()))
                .orElseGet(() -> new PolicyNotFoundException(id));
    }

    private Optional<Map<String, AttributeValue>> getItem(String kind, String id) {
        try {
            var response = dynamoDb.getItem(b -> b.tableName(tableName).key(key(kind, id)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    static boolean failedCondition(List<CancellationReason> reasons, int index) {
        return reasons != null && reasons.size() > index && "ConditionalCheckFailed".equals(reasons.get(index).code());
    }

    private static Map<String, AttributeValue> key(String kind, String id) {
        return Map.of(KIND, s(kind), ID, s(id));
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    /** Mapping between a policy and its item: the policy's draft fields plus id and version. */
    static final class PolicyItems {
        static final String POLICY_ID = "policyId";
        static final String VERSION = "version";
        static final String TABLE = "table";

        private PolicyItems() {
        }

        static Map<String, AttributeValue> toItem(RetentionPolicy policy, Map<String, AttributeValue> key) {
            PolicyDraft draft = PolicyDraft.of(policy);
            Map<String, AttributeValue> item = new HashMap<>(key);
            item.put(VERSION, n(policy.version().value()));
            item.put(TABLE, s(draft.table()));
            item.put("partitionKey", s(draft.partitionKey()));
            putIfPresent(item, "sortKey", draft.sortKey());
            item.put("ttlAttribute", s(draft.ttlAttribute()));
            item.put("retention", s(draft.retention()));
            item.put("clockStart", s(draft.clockStart()));
            item.put("archivedCauses", AttributeValue.builder().ss(draft.archivedCauses()).build());
            item.put("bucket", s(draft.bucket()));
            item.put("prefix", s(draft.prefix()));
            item.put("tiers", AttributeValue.builder().l(draft.tiers().stream().map(tier -> AttributeValue.builder().m(Map.of(
                    "storageClass", s(tier.storageClass()), "afterDays", n(tier.afterDays()))).build()).toList()).build());
            if (draft.archiveExpiryDays() != null) {
                item.put("archiveExpiryDays", n(draft.archiveExpiryDays()));
            }
            if (draft.objectLock() != null) {
                item.put("objectLock", AttributeValue.builder().m(Map.of("mode", s(draft.objectLock().mode()),
                        "days", n(draft.objectLock().days()))).build());
            }
            putIfPresent(item, "keyFilterPrefix", draft.keyFilterPrefix());
            item.put("locked", AttributeValue.builder().bool(draft.locked()).build());
            item.put("archiveLayout", s(draft.archiveLayout()));
            if (draft.streamBatchSize() != null) {
                item.put("streamBatchSize", n(draft.streamBatchSize()));
            }
            if (draft.streamBatchingWindowSeconds() != null) {
                item.put("streamBatchingWindowSeconds", n(draft.streamBatchingWindowSeconds()));
            }
            return item;
        }

        /** Validates the stored fields like any draft: a corrupt item fails loudly, never silently. */
        static RetentionPolicy toPolicy(Map<String, AttributeValue> item) {
            List<PolicyDraft.TierDraft> tiers = item.containsKey("tiers") ? item.get("tiers").l().stream()
                    .map(tier -> new PolicyDraft.TierDraft(tier.m().get("storageClass").s(), Integer.valueOf(tier.m().get("afterDays").n())))
                    .toList() : List.of();
            PolicyDraft.LockDraft lock = item.containsKey("objectLock") ? new PolicyDraft.LockDraft(
                    item.get("objectLock").m().get("mode").s(), Integer.valueOf(item.get("objectLock").m().get("days").n())) : null;
            PolicyDraft draft = new PolicyDraft(str(item, TABLE), str(item, "partitionKey"), str(item, "sortKey"),
                    str(item, "ttlAttribute"), str(item, "retention"), str(item, "clockStart"),
                    item.containsKey("archivedCauses") ? new ArrayList<>(new LinkedHashSet<>(item.get("archivedCauses").ss())) : null,
                    str(item, "bucket"), str(item, "prefix"), tiers,
                    item.containsKey("archiveExpiryDays") ? Integer.valueOf(item.get("archiveExpiryDays").n()) : null,
                    lock, str(item, "keyFilterPrefix"), item.containsKey("locked") && item.get("locked").bool(),
                    str(item, "archiveLayout"), integer(item, "streamBatchSize"), integer(item, "streamBatchingWindowSeconds"));
            return draft.toPolicy(PolicyId.of(item.get(ID).s()), PolicyVersion.of(Long.parseLong(item.get(VERSION).n())));
        }

        private static Integer integer(Map<String, AttributeValue> item, String name) {
            return item.containsKey(name) ? Integer.valueOf(item.get(name).n()) : null;
        }

        private static String str(Map<String, AttributeValue> item, String name) {
            AttributeValue value = item.get(name);
            return value == null ? null : value.s();
        }

        private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
            if (value != null) {
                item.put(name, s(value));
            }
        }
    }
}
