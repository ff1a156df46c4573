package dev.lifecycle.http.wiring;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The plain SDK clients replay and apply need beside the Quarkiverse ones (quarkus-amazon-sqs does not
 * resolve here, and no extension offers a DynamoDB Streams client): built with the URL-connection
 * HTTP client from the DynamoDB client's settings ({@code quarkus.dynamodb.endpoint-override},
 * {@code quarkus.dynamodb.aws.region}, static credentials when configured, else AWS's default chains),
 * so that the stream is read where the table lives. SQS takes {@code lifecycle.admin.sqs-endpoint-override}.
 */
@Singleton
public class ReplayClients {

    private static final String DYNAMODB = "quarkus.dynamodb.";

    private final Config config;
    private final Optional<URI> sqsEndpoint;
    private final Optional<URI> lambdaEndpoint;
    private DynamoDbStreamsClient streams;
    private SqsClient sqs;
    private LambdaClient lambda;

    ReplayClients(Config config, AdminConfig admin) {
        this.config = config;
        this.sqsEndpoint = admin.sqsEndpointOverride();
        this.lambdaEndpoint = admin.lambdaEndpointOverride();
    }

    /** Lambda's event source mapping API, built on first use (a deployment that leaves mappings alone never calls it). */
    public synchronized LambdaClient lambda() {
        if (lambda == null) {
            lambda = configure(LambdaClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), lambdaEndpoint).build();
        }
        return lambda;
    }

    public synchronized DynamoDbStreamsClient streams() {
        if (streams == null) {
            streams = configure(DynamoDbStreamsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()),
                    config.getOptionalValue(DYNAMODB + "endpoint-override", URI.class)).build();
        }
        return streams;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = configure(SqsClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()), sqsEndpoint).build();
        }
        return sqs;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Optional<URI> endpoint) {
        builder.credentialsProvider(credentials());
        config.getOptionalValue(DYNAMODB + "aws.region", String.class).map(Region::of).ifPresent(builder::region);
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private AwsCredentialsProvider credentials() {
        boolean isStatic = config.getOptionalValue(DYNAMODB + "aws.credentials.type", String.class)
                .map(type -> type.equalsIgnoreCase("static")).orElse(false);
        if (isStatic) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.getValue(DYNAMODB + "aws.credentials.static-provider.access-key-id", String.class),
                    config.getValue(DYNAMODB + "aws.credentials.static-provider.secret-access-key", String.class)));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @PreDestroy
    synchronized void close() {
        if (streams != null) {
            streams.close();
        }
        if (sqs != null) {
            sqs.close();
        }
        if (lambda != null) {
            lambda.close();
        }
    }
}
