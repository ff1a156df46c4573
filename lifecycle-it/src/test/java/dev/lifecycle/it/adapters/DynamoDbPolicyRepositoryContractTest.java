package dev.lifecycle.it.adapters;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbAuditLog;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.SavePolicyPort;
import dev.lifecycle.domain.testing.PolicyRepositoryContract;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The policy repository contract, run against the DynamoDB adapters (policies and audit log) on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbPolicyRepositoryContractTest extends PolicyRepositoryContract {

    private static final String TABLE = "lifecycle-policies-contract-" + UUID.randomUUID().toString().substring(0, 8);

    private final DynamoDbPolicyRepository repository;
    private final DynamoDbAuditLog audit;

    DynamoDbPolicyRepositoryContractTest(LocalAws aws) {
        repository = new DynamoDbPolicyRepository(aws.dynamoDb(), TABLE);
        repository.createTableIfMissing();
        audit = new DynamoDbAuditLog(aws.dynamoDb(), TABLE);
    }

    @Override
    protected LoadPolicyPort loadPort() {
        return repository;
    }

    @Override
    protected SavePolicyPort savePort() {
        return repository;
    }

    @Override
    protected AuditLogPort auditPort() {
        return audit;
    }
}
