package dev.lifecycle.it.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds SDK clients for one endpoint, region and credentials, with the URL-connection HTTP client
 * (the one the deployables use) and path-style S3 addressing (emulators serve buckets by path).
 */
final class AwsClients {

    private AwsClients() {
    }

    static DynamoDbClient dynamoDb(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return DynamoDbClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    static DynamoDbStreamsClient dynamoDbStreams(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return DynamoDbStreamsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    static S3Client s3(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }

    static SqsClient sqs(URI endpoint, Region region, AwsCredentialsProvider credentials) {
        return SqsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(credentials)
                .build();
    }
}
