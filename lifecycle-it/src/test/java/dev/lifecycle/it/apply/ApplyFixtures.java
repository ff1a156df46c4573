package dev.lifecycle.it.apply;

import dev.lifecycle.it.aws.LocalAws;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Tables, buckets and someone else's lifecycle rule for the plan/apply/drift tests against the emulators. */
public final class ApplyFixtures {

    private ApplyFixtures() {
    }

    /** A uniquely named table keyed {@code pk} + {@code sk}, without TTL or stream; returns its name. */
    public static String table(LocalAws aws, String prefix) {
        return table(aws, prefix, null);
    }

    /** The same, with a stream of this view type (or none for null). */
    public static String table(LocalAws aws, String prefix, StreamViewType stream) {
        String table = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        aws.dynamoDb().createTable(b -> {
            b.tableName(table)
                    .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                            KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                    .attributeDefinitions(
                            AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                            AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (stream != null) {
                b.streamSpecification(s -> s.streamEnabled(true).streamViewType(stream));
            }
        });
        aws.dynamoDb().waiter().waitUntilTableExists(b -> b.tableName(table));
        return table;
    }

    /** A uniquely named bucket; returns its name. */
    public static String bucket(LocalAws aws, String prefix) {
        String bucket = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        aws.s3().createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /**
     * Someone else's rule, with everything the platform does not model: a prefix-and-tags filter, a
     * size filter, a transition, a noncurrent-version expiration and an abort of incomplete uploads.
     */
    public static LifecycleRule foreignRule() {
        return LifecycleRule.builder()
                .id("team-logs")
                .filter(f -> f.and(LifecycleRuleAndOperator.builder().prefix("logs/")
                        .tags(Tag.builder().key("team").value("payments").build())
                        .objectSizeGreaterThan(1024L).build()))
                .status(ExpirationStatus.ENABLED)
                .transitions(Transition.builder().days(45).storageClass(TransitionStorageClass.ONEZONE_IA).build())
                .noncurrentVersionExpiration(n -> n.noncurrentDays(10))
                .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(3))
                .build();
    }

    public static void putRules(LocalAws aws, String bucket, LifecycleRule... rules) {
        aws.s3().putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
    }

    public static List<LifecycleRule> rules(LocalAws aws, String bucket) {
        return aws.s3().getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules();
    }
}
