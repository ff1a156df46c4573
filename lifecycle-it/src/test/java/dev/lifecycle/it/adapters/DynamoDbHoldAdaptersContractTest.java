package dev.lifecycle.it.adapters;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbAuditLog;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbHeldTtls;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbHoldRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbLiveItems;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.hold.HeldTtlsPort;
import dev.lifecycle.domain.hold.HoldsPort;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.HeldTtlsContract;
import dev.lifecycle.domain.testing.HoldsContract;
import dev.lifecycle.domain.testing.LiveItemsContract;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.LocalAwsExtension;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The holds, held-TTL and live-item contracts against their DynamoDB adapters on DynamoDB Local. */
@ExtendWith(LocalAwsExtension.class)
class DynamoDbHoldAdaptersContractTest {

    private static final String POLICY_TABLE = "lifecycle-holds-contract-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String LIVE_TABLE = "live-contract-" + UUID.randomUUID().toString().substring(0, 8);

    private final LocalAws aws;

    DynamoDbHoldAdaptersContractTest(LocalAws aws) {
        this.aws = aws;
        new DynamoDbPolicyRepository(aws.dynamoDb(), POLICY_TABLE).createTableIfMissing();
        if (!aws.dynamoDb().listTables().tableNames().contains(LIVE_TABLE)) {
            aws.dynamoDb().createTable(b -> b.tableName(LIVE_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build()));
        }
    }

    @Nested
    class Holds extends HoldsContract {
        @Override
        protected HoldsPort holdsPort() {
            return new DynamoDbHoldRepository(aws.dynamoDb(), POLICY_TABLE);
        }

        @Override
        protected AuditLogPort auditLog() {
            return new DynamoDbAuditLog(aws.dynamoDb(), POLICY_TABLE);
        }
    }

    @Nested
    class HeldTtls extends HeldTtlsContract {
        @Override
        protected HeldTtlsPort heldTtlsPort() {
            return new DynamoDbHeldTtls(aws.dynamoDb(), POLICY_TABLE);
        }
    }

    @Nested
    class LiveItems extends LiveItemsContract {
        @Override
        protected LiveItemPort liveItemPort() {
            return new DynamoDbLiveItems(aws.dynamoDb());
        }

        @Override
        protected TableName emptyTable() {
            return TableName.of(LIVE_TABLE);
        }
    }
}
