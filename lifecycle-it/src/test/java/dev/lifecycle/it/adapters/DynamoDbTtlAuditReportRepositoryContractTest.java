package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyStatusRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTtlAuditReportRepository;
import dev.lifecycle.domain.hygiene.AuditBounds;
import dev.lifecycle.domain.hygiene.ScanOutcome;
import dev.lifecycle.domain.hygiene.TtlAuditReport;
import dev.lifecycle.domain.hygiene.TtlAuditReportPort;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.AttributeName;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.domain.testing.TtlAuditReportContract;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The TTL audit report contract against the DynamoDB adapter, which shares the policy table with policies and drift status. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbTtlAuditReportRepositoryContractTest extends TtlAuditReportContract {

    private static final String TABLE = "lifecycle-ttl-audit-contract-" + UUID.randomUUID().toString().substring(0, 8);

    private final DynamoDbPolicyRepository policies;
    private final DynamoDbPolicyStatusRepository statuses;
    private final DynamoDbTtlAuditReportRepository reports;

    DynamoDbTtlAuditReportRepositoryContractTest(LocalAws aws) {
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), TABLE);
        policies.createTableIfMissing();
        statuses = new DynamoDbPolicyStatusRepository(aws.dynamoDb(), TABLE);
        reports = new DynamoDbTtlAuditReportRepository(aws.dynamoDb(), TABLE);
    }

    @Override
    protected TtlAuditReportPort reportPort() {
        return reports;
    }

    @Test
    void reportItems_areNeverListedAsPolicies_norTakenForDriftStatus() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        RetentionPolicy policy = TestPolicies.withTable(TestPolicies.draft(), "audited-" + unique)
                .toPolicy(PolicyId.of("audited-" + unique), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        reports.save(new TtlAuditReport(policy.id(), policy.version(), policy.table(), AttributeName.of("expiresAt"),
                Instant.parse("2026-11-22T03:00:00Z"), Duration.ofSeconds(3), 0, 1, 0, ScanOutcome.complete(),
                new AuditBounds(10, Duration.ofMinutes(1), 10, Duration.ofHours(48)), Map.of()));
        reports.save(new TtlAuditReport(PolicyId.of("orphan-" + unique), PolicyVersion.initial(), TableName.of("gone"),
                AttributeName.of("expiresAt"), Instant.parse("2026-11-22T03:00:00Z"), Duration.ZERO, 0, 0, 0,
                new ScanOutcome.Failed("table 'gone' does not exist"), new AuditBounds(10, Duration.ofMinutes(1), 10, Duration.ZERO), Map.of()));

        List<RetentionPolicy> listed = new ArrayList<>();
        Optional<PolicyId> after = Optional.empty();
        do {
            LoadPolicyPort.PolicyPage page = policies.list(after, 2);
            listed.addAll(page.policies());
            after = page.next();
        } while (after.isPresent());

        assertThat(listed).extracting(RetentionPolicy::id).contains(policy.id()).doesNotContain(PolicyId.of("orphan-" + unique));
        assertThat(policies.findById(policy.id())).contains(policy);
        assertThat(statuses.find(policy.id())).isEmpty();
    }
}
