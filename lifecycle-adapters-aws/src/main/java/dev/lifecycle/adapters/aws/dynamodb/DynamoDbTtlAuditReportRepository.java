package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.n;
import static dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository.s;

import dev.lifecycle.adapters.aws.failure.AwsFailures;
import dev.lifecycle.domain.hygiene.AuditBounds;
import dev.lifecycle.domain.hygiene.FindingTally;
import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.StopReason;
import dev.lifecycle.domain.hygiene.TtlAuditFinding;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.hygiene.TtlAuditReportPort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyAttribute;
import dev.lifecycle.domain.item.KeyValue;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Each policy's last TTL audit report, as one item {@code (ttl-audit, <policy id>)} in the policy
 * table (see {@link DynamoDbPolicyRepository}): its own partition, so listing policies never meets it.
 * Sample keys keep their DynamoDB types.
 */
public final class DynamoDbTtlAuditReportRepository implements TtlAuditReportPort {

    private static final String KIND = "ttl-audit";
    private static final String SERVICE = "DynamoDB policy table";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbTtlAuditReportRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    @Override
    public void save(TtlAuditReport report) {
        Map<String, AttributeValue> item = new HashMap<>(key(report.policy()));
        item.put("version", n(report.version().value()));
        item.put("table", s(report.table().value()));
        item.put("ttlAttribute", s(report.ttlAttribute().value()));
        item.put("startedAt", s(report.startedAt().toString()));
        item.put("duration", s(report.duration().toString()));
        item.put("itemsScanned", n(report.itemsScanned()));
        item.put("pagesRead", n(report.pagesRead()));
        item.put("readUnits", AttributeValue.fromN(BigDecimal.valueOf(report.readUnitsConsumed()).toPlainString()));
        putOutcome(item, report.outcome());
        item.put("bounds", AttributeValue.fromM(Map.of(
                "maxItems", n(report.bounds().maxItems()),
                "timeBudget", s(report.bounds().timeBudget().toString()),
                "samplesPerFinding", n(report.bounds().samplesPerFinding()),
                "sweepGrace", s(report.bounds().sweepGrace().toString()))));
        Map<String, AttributeValue> findings = new LinkedHashMap<>();
        report.findings().forEach((finding, tally) -> findings.put(finding.name(), AttributeValue.fromM(Map.of(
                "count", n(tally.count()),
                "samples", AttributeValue.fromL(tally.samples().stream().map(DynamoDbTtlAuditReportRepository::toItem).toList())))));
        item.put("findings", AttributeValue.fromM(findings));
        try {
            dynamoDb.putItem(b -> b.tableName(tableName).item(item));
        } catch (SdkException e) {
            throw AwsFailures.translate(SERVICE, e);
        }
    }

    @Override
    public Optional<TtlAuditReport> find(PolicyId policy) {
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
        return Map.of(DynamoDbPolicyRepository.KIND, s(KIND), DynamoDbPolicyRepository.ID, s(policy.value()));
    }

    private static void putOutcome(Map<String, AttributeValue> item, ScanOutcome outcome) {
        if (outcome instanceof ScanOutcome.Complete) {
            item.put("outcome", s("COMPLETE"));
        } else if (outcome instanceof ScanOutcome.Stopped stopped) {
            item.put("outcome", s("STOPPED"));
            item.put("stopReason", s(stopped.reason().name()));
        } else if (outcome instanceof ScanOutcome.Failed failed) {
            item.put("outcome", s("FAILED"));
            item.put("problem", s(failed.problem()));
        } else {
            throw new IllegalStateException("no stored form for " + outcome);
        }
    }

    private static ScanOutcome toOutcome(Map<String, AttributeValue> item) {
        String outcome = item.get("outcome").s();
        return switch (outcome) {
            case "COMPLETE" -> ScanOutcome.complete();
            case "STOPPED" -> new ScanOutcome.Stopped(StopReason.valueOf(item.get("stopReason").s()));
            case "FAILED" -> new ScanOutcome.Failed(item.get("problem").s());
            default -> throw new IllegalStateException("stored TTL audit outcome '" + outcome + "' is unknown");
        };
    }

    private static AttributeValue toItem(ItemKey key) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("partitionName", s(key.partitionKey().name()));
        m.put("partitionValue", SdkAttributeValues.toSdk(key.partitionKey().value()));
        key.sortKey().ifPresent(sort -> {
            m.put("sortName", s(sort.name()));
            m.put("sortValue", SdkAttributeValues.toSdk(sort.value()));
        });
        return AttributeValue.fromM(m);
    }

    private static ItemKey toKey(Map<String, AttributeValue> m) {
        KeyAttribute partition = new KeyAttribute(m.get("partitionName").s(), keyValue(m.get("partitionValue")));
        Optional<KeyAttribute> sort = m.containsKey("sortName")
                ? Optional.of(new KeyAttribute(m.get("sortName").s(), keyValue(m.get("sortValue"))))
                : Optional.empty();
        return new ItemKey(partition, sort);
    }

    private static KeyValue keyValue(AttributeValue value) {
        return (KeyValue) SdkAttributeValues.toDomain(value);
    }

    private static TtlAuditReport toReport(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> bounds = item.get("bounds").m();
        Map<TtlAuditFinding, FindingTally> findings = new EnumMap<>(TtlAuditFinding.class);
        item.get("findings").m().forEach((name, tally) -> findings.put(TtlAuditFinding.valueOf(name), new FindingTally(
                Long.parseLong(tally.m().get("count").n()),
                tally.m().get("samples").l().stream().map(AttributeValue::m).map(DynamoDbTtlAuditReportRepository::toKey).toList())));
        return new TtlAuditReport(
                PolicyId.of(item.get(DynamoDbPolicyRepository.ID).s()),
                PolicyVersion.of(Long.parseLong(item.get("version").n())),
                TableName.of(item.get("table").s()),
                AttributeName.of(item.get("ttlAttribute").s()),
                Instant.parse(item.get("startedAt").s()),
                Duration.parse(item.get("duration").s()),
                Long.parseLong(item.get("itemsScanned").n()),
                Long.parseLong(item.get("pagesRead").n()),
                Double.parseDouble(item.get("readUnits").n()),
                toOutcome(item),
                new AuditBounds(Long.parseLong(bounds.get("maxItems").n()), Duration.parse(bounds.get("timeBudget").s()),
                        Integer.parseInt(bounds.get("samplesPerFinding").n()), Duration.parse(bounds.get("sweepGrace").s())),
                findings);
    }
}
