package dev.lifecycle.it.adapters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbLedger;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.LedgerKey;
import dev.lifecycle.domain.ledger.LedgerPort;
import dev.lifecycle.domain.ledger.LedgerTally;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.LedgerContract;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger contract against the DynamoDB adapter, which shares the policy table with policies. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbLedgerContractTest extends LedgerContract {

    private static final String TABLE = "lifecycle-ledger-contract-" + UUID.randomUUID().toString().substring(0, 8);

    private final DynamoDbPolicyRepository policies;
    private final DynamoDbLedger ledger;

    DynamoDbLedgerContractTest(LocalAws aws) {
        policies = new DynamoDbPolicyRepository(aws.dynamoDb(), TABLE);
        policies.createTableIfMissing();
        ledger = new DynamoDbLedger(aws.dynamoDb(), TABLE);
    }

    @Override
    protected LedgerPort ledgerPort() {
        return ledger;
    }

    @Test
    void ledgerItems_areNeverListedAsPolicies_norFoundAsTheirTable() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        RetentionPolicy policy = TestPolicies.withTable(TestPolicies.draft(), "counted-" + unique)
                .toPolicy(PolicyId.of("counted-" + unique), PolicyVersion.initial());
        policies.create(policy, TestPolicies.setUpAudit(policy));
        ledger.add(new LedgerTally(Map.of(new LedgerKey(policy.table(), LocalDate.parse("2026-11-22"), LedgerCause.TTL),
                LedgerCounts.oneArchived())));

        assertThat(policies.list(Optional.empty(), 1000).policies()).extracting(RetentionPolicy::id).contains(policy.id())
                .allSatisfy(id -> assertThat(id.value()).doesNotStartWith("ledger"));
        assertThat(policies.findByTable(policy.table())).contains(policy);
        assertThat(policies.findByTable(TableName.of("ledger-" + unique))).isEmpty();
    }
}
