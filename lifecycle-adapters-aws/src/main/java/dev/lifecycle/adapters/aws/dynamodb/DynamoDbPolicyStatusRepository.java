package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.n;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.s;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import dev.lifecycle.domain.apply.Feasibility;
import dev.lifecycle.domain.apply.PlannedChange;
import dev.lifecycle.domain.apply.PolicyStatusPort;
import dev.lifecycle.domain.apply.Setting;
import dev.lifecycle.domain.apply.Target;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Each policy's last drift report, as one item {@code (status, <policy id>)} in the policy table
 * (see {@link DynamoDbPolicyRepository}): its own partition, so listing policies never meets it.
 */
public final class DynamoDbPolicyStatusRepository implements PolicyStatusPort {

    private static final String STATUS = "status";
    private static final String SERVICE = "DynamoDB policy table";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbPolicyStatusRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void save(DriftReport report) {
        Map<String, AttributeValue> item = new HashMap<>(key(report.policy()));
        item.put("version", n(report.version().value()));
        item.put("checkedAt", s(report.checkedAt().toString()));
        item.put("state", s(report.state().name()));
        item.put("differences", AttributeValue.builder().l(report.differences().stream().map(DynamoDbPolicyStatusRepository::toItem)
                .toList()).build());
        report.problem().ifPresent(problem -> item.put("problem", s(problem)));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public Optional<DriftReport> find(PolicyId policy) {
        try {
            GetItemResponse response = dynamoDb.getItem(b -> b.tableName(tableName).key(key(policy)).consistentRead(true));
            return response.hasItem() && !response.item().isEmpty() ? Optional.of(toReport(response.item())) : Optional.empty();
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public void delete(PolicyId policy) {
        try {
            dynamoDb.deleteItem(b -> b.tableName(tableName).key(key(policy)));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    private static Map<String, AttributeValue> key(PolicyId policy) {
        return Map.of(DynamoDbPolicyRepository.KIND, s(STATUS), DynamoDbPolicyRepository.ID, s(policy.value()));
    }

    private static AttributeValue toItem(PlannedChange change) {
        return AttributeValue.builder().m(Map.of(
                "target", s(change.target().name()),
                "resource", s(change.resource()),
                "setting", s(change.setting().name()),
                "current", s(change.current()),
                "desired", s(change.desired()),
                "feasibility", s(change.feasibility().name()),
                "consequence", s(change.consequence()))).build();
    }

    private static DriftReport toReport(Map<String, AttributeValue> item) {
        List<PlannedChange> differences = item.containsKey("differences")
                ? item.get("differences").l().stream().map(AttributeValue::m).map(DynamoDbPolicyStatusRepository::toChange).toList()
                : List.of();
        return new DriftReport(PolicyId.of(item.get(DynamoDbPolicyRepository.ID).s()),
                PolicyVersion.of(Long.parseLong(item.get("version").n())),
                Instant.parse(item.get("checkedAt").s()),
                DriftState.valueOf(item.get("state").s()),
                differences,
                Optional.ofNullable(item.get("problem")).map(AttributeValue::s));
    }

    private static PlannedChange toChange(Map<String, AttributeValue> m) {
        return new PlannedChange(Target.valueOf(m.get("target").s()), m.get("resource").s(), Setting.valueOf(m.get("setting").s()),
                m.get("current").s(), m.get("desired").s(), Feasibility.valueOf(m.get("feasibility").s()), m.get("consequence").s());
    }
}
