package dev.lifecycle.it.local;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.it.aws.LocalAws;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * What the local platform's walkthrough starts from, created if missing: the policy table, a demo
 * table {@value #DEMO_TABLE} with neither TTL nor stream (so applying a policy has work to do), an
 * archive bucket and the stream processor's on-failure queue.
 */
final class DemoResources {

    static final String POLICY_TABLE = "lifecycle-policies";
    static final String DEMO_TABLE = "orders";
    static final String DEMO_TABLE_KEY = "orderId";
    static final String ARCHIVE_BUCKET = "lifecycle-archives";
    static final String FAILURE_QUEUE = "lifecycle-failures";

    private DemoResources() {
    }

    /** Creates what is missing; returns the failure queue's URL. */
    static String createIfMissing(LocalAws aws) {
        new DynamoDbPolicyRepository(aws.dynamoDb(), POLICY_TABLE).createTableIfMissing();
        try {
            aws.dynamoDb().createTable(b -> b.tableName(DEMO_TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                    .keySchema(KeySchemaElement.builder().attributeName(DEMO_TABLE_KEY).keyType(KeyType.HASH).build())
                    .attributeDefinitions(AttributeDefinition.builder().attributeName(DEMO_TABLE_KEY)
                            .attributeType(ScalarAttributeType.S).build()));
        } catch (ResourceInUseException exists) {
            // kept as it is: the walkthrough changes it through the admin API
        }
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(DEMO_TABLE));
        try {
            aws.s3().createBucket(b -> b.bucket(ARCHIVE_BUCKET));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // nothing to do
        }
        return failureQueue(aws);
    }

    /** Creates the failure queue if missing (the admin API needs its URL at start-up); returns its URL. */
    static String failureQueue(LocalAws aws) {
        // CreateQueue with the same name and attributes answers the existing queue's URL.
        return aws.sqs().createQueue(b -> b.queueName(FAILURE_QUEUE)).queueUrl();
    }
}
