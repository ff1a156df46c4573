package dev.lifecycle.http.health;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** DynamoDB is ready when the policy table exists and is ACTIVE. */
public final class DynamoDbProbe implements DependencyProbe {

    private final DynamoDbClient dynamoDb;
    private final String policyTable;

    public DynamoDbProbe(DynamoDbClient dynamoDb, String policyTable) {
        this.dynamoDb = dynamoDb;
        this.policyTable = policyTable;
    }

    @Override
    public String name() {
        return "dynamodb";
    }

    @Override
    public Map<String, String> check() {
        TableStatus status = dynamoDb.describeTable(b -> b.tableName(policyTable)).table().tableStatus();
        if (status != TableStatus.ACTIVE && status != TableStatus.UPDATING) {
            throw new IllegalStateException("policy table '" + policyTable + "' is " + status);
        }
        return Map.of("policyTable", policyTable, "status", status.toString());
    }
}
