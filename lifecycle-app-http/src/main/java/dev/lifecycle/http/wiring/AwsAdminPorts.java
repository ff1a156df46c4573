package dev.lifecycle.http.wiring;

import dev.lifecycle.adapters.aws.dynamodb.DynamoDbAuditLog;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbHeldTtls;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbHoldRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbLedger;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbLiveItems;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbPolicyStatusRepository;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableConfiguration;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTableScanner;
import dev.lifecycle.adapters.aws.dynamodb.DynamoDbTtlAuditReportRepository;
import dev.lifecycle.adapters.aws.lambda.LambdaStreamMappings;
import dev.lifecycle.adapters.aws.s3.S3ArchiveLegalHolds;
import dev.lifecycle.adapters.aws.s3.S3ArchiveStore;
import dev.lifecycle.adapters.aws.s3.S3BucketConfiguration;
import dev.lifecycle.adapters.aws.sqs.SqsFailureQueue;
import dev.lifecycle.adapters.aws.stream.DynamoDbStreamReader;
import dev.lifecycle.http.health.DynamoDbProbe;
import dev.lifecycle.http.health.S3Probe;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/** Produces the admin API's ports from the AWS adapters, the configured policy table and failure queue. */
public class AwsAdminPorts {

    @Produces
    @Singleton
    AdminPorts ports(DynamoDbClient dynamoDb, S3Client s3, AdminConfig config, ReplayClients replayClients) {
        DynamoDbPolicyRepository policies = new DynamoDbPolicyRepository(dynamoDb, config.policyTable());
        if (config.createPolicyTable()) {
            policies.createTableIfMissing();
        }
        return new AdminPorts(policies, policies, new DynamoDbAuditLog(dynamoDb, config.policyTable()),
                new DynamoDbTableConfiguration(dynamoDb), new S3BucketConfiguration(s3),
                new DynamoDbPolicyStatusRepository(dynamoDb, config.policyTable()),
                List.of(new DynamoDbProbe(dynamoDb, config.policyTable()), new S3Probe(s3, policies)),
                new S3ArchiveStore(s3), new DynamoDbLiveItems(dynamoDb),
                new DynamoDbTableScanner(dynamoDb), new DynamoDbTtlAuditReportRepository(dynamoDb, config.policyTable()),
                new DynamoDbHoldRepository(dynamoDb, config.policyTable()), new DynamoDbHeldTtls(dynamoDb, config.policyTable()),
                new S3ArchiveLegalHolds(s3),
                config.failureQueueUrl().map(url -> new SqsFailureQueue(replayClients.sqs(), url, config.failureQueueWait())),
                new DynamoDbStreamReader(replayClients.streams()), new S3ArchiveStore(s3),
                new DynamoDbLedger(dynamoDb, config.policyTable()),
                new LambdaStreamMappings(replayClients.lambda()));
    }
}
