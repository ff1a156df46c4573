package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyStatusRepository;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.PolicyStatusPort;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.testing.PolicyStatusContract;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The policy status contract against the DynamoDB adapter, which shares the policy table with the policy repository. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbPolicyStatusRepositoryContractTest extends PolicyStatusContract {

    private static final String TABLE = "lifecycle-status-contract-" + UUID.randomUUID().toString().substring(0, 8);

    private final DynamoDbPolicyRepository policies;
    private final DynamoDbPolicyStatusRepository statuses;

    DynamoDbPolicyStatusRepositoryContractTest(LocalAws aws) {
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), TABLE);
        policies.createTableIfMissing();
        statuses = new DynamoDbPolicyStatusRepository(aws.dynamoDb(), TABLE);
    }

    @Override
    protected PolicyStatusPort statusPort() {
        return statuses;
    }

    @Test
    void statusItems_areNeverListedOrFoundAsPolicies() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        RetentionPolicy policy = TestPolicies.withTable(TestPolicies.draft(), "listed-" + unique)
                .toPolicy(PolicyId.of("listed-" + unique), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        statuses.save(DriftReport.compared(policy.id(), policy.version(), Instant.parse("2026-11-22T09:00:00Z"), List.of()));
        statuses.save(DriftReport.unknown(PolicyId.of("orphan-" + unique), PolicyVersion.initial(), Instant.parse("2026-11-22T09:00:00Z"),
                "no such policy"));

        List<RetentionPolicy> listed = new java.util.ArrayList<>();
        Optional<PolicyId> after = Optional.empty();
        do {
            LoadPolicyPort.PolicyPage page = policies.list(after, 2);
            listed.addAll(page.policies());
            after = page.next();
        } while (after.isPresent());

        assertThat(listed).extracting(RetentionPolicy::id).contains(policy.id()).doesNotContain(PolicyId.of("orphan-" + unique));
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(policies.findById(PolicyId.of("orphan-" + unique))).isEmpty();
        assertThat(policies.findById(policy.id())).contains(policy);
    }
}
