package dev.lifecycle.it.aws;

import java.net.URI;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * LocalStack in Docker through Testcontainers. The only class that touches Testcontainers, loaded
 * only for the {@code localstack} target, so the other targets never look for Docker.
 */
final class LocalStackEnvironment implements AutoCloseable {

    /**
     * The last LocalStack release that starts without an auth token: from 4.15 and the calendar
     * versions (2026.03.0 on), the image exits with code 55 when LOCALSTACK_AUTH_TOKEN is not set.
     */
    static final String DEFAULT_IMAGE = "localstack/localstack:4.14.0";

    /** System property to run another image, for example a licensed one with LOCALSTACK_AUTH_TOKEN set. */
    static final String IMAGE_PROPERTY = "lifecycle.aws.localstack.image";

    private final LocalStackContainer container;

    private LocalStackEnvironment(LocalStackContainer container) {
        this.container = container;
    }

    static LocalStackEnvironment start() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new LocalAwsUnavailableException("Docker is missing: the " + AwsTarget.LOCALSTACK.id()
                    + " target runs LocalStack in a Docker container, and no Docker engine answers here. "
                    + "The default target, " + AwsTarget.EMBEDDED.id() + ", needs only a JDK: run without -D"
                    + AwsTarget.PROPERTY + ".");
        }
        String image = System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE);
        LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image)
                .asCompatibleSubstituteFor("localstack/localstack"))
                .withServices("dynamodb", "dynamodbstreams", "s3", "sqs")
                // LocalStack sweeps expired items only when asked; its REMOVE records carry no userIdentity.
                .withEnv("DYNAMODB_REMOVE_EXPIRED_ITEMS", "1");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null && !token.isBlank()) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        container.start();
        return new LocalStackEnvironment(container);
    }

    String image() {
        return container.getDockerImageName();
    }

    URI endpoint() {
        return container.getEndpoint();
    }

    String region() {
        return container.getRegion();
    }

    String accessKey() {
        return container.getAccessKey();
    }

    String secretKey() {
        return container.getSecretKey();
    }

    @Override
    public void close() {
        container.stop();
    }
}
