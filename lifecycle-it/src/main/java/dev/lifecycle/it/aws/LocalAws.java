package dev.lifecycle.it.aws;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * AWS for tests and the local platform: DynamoDB (with Streams), S3 and SQS endpoints, credentials
 * and ready-made clients, from the target chosen by {@value AwsTarget#PROPERTY}:
 *
 * <ul>
 *   <li>{@code embedded} (default): DynamoDB Local, S3Mock and ElasticMQ, each a separate JVM on a
 *       free loopback port, fetched from Maven Central by the build; see docs/local-aws.md;</li>
 *   <li>{@code endpoints}: the endpoints given by {@value #DYNAMODB_PROPERTY}, {@value #S3_PROPERTY},
 *       {@value #SQS_PROPERTY} (or {@value #ENDPOINT_PROPERTY} for all), e.g. moto or a real account;</li>
 *   <li>{@code localstack}: LocalStack in Docker; {@link LocalAwsUnavailableException} without Docker.</li>
 * </ul>
 *
 * <p>Closing it closes the clients and stops whatever it started.
 */
public final class LocalAws implements AutoCloseable {

    /** The region every emulator of the embedded target is configured for. */
    public static final Region EMULATOR_REGION = Region.US_EAST_1;
    /** The account id the emulators put in ARNs and queue URLs. */
    public static final String EMULATOR_ACCOUNT = "000000000000";

    public static final String ENDPOINT_PROPERTY = "lifecycle.aws.endpoint";
    public static final String DYNAMODB_PROPERTY = "lifecycle.aws.dynamodb";
    public static final String DYNAMODB_STREAMS_PROPERTY = "lifecycle.aws.dynamodbstreams";
    public static final String S3_PROPERTY = "lifecycle.aws.s3";
    public static final String SQS_PROPERTY = "lifecycle.aws.sqs";
    public static final String REGION_PROPERTY = "lifecycle.aws.region";
    /** {@code static} (default: dummy keys, for emulators) or {@code default} (the SDK's chain, for a real account). */
    public static final String CREDENTIALS_PROPERTY = "lifecycle.aws.credentials";
    /** For the endpoints target: whether that AWS sweeps TTL-expired items promptly and marks them (default false). */
    public static final String MARKS_TTL_DELETIONS_PROPERTY = "lifecycle.aws.marks-ttl-deletions";

    private static final Logger LOG = Logger.getLogger(LocalAws.class.getName());
    private static final AwsCredentialsProvider DUMMY_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private final AwsTarget target;
    private final String what;
    private final URI dynamoDbEndpoint;
    private final URI dynamoDbStreamsEndpoint;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final boolean marksTtlDeletions;
    private final Map<String, Duration> startupTimes;
    private final Optional<Path> logs;
    private final List<AutoCloseable> started;
    private final List<AutoCloseable> clients = new ArrayList<>();
    private DynamoDbClient dynamoDb;
    private DynamoDbStreamsClient dynamoDbStreams;
    private S3Client s3;
    private SqsClient sqs;
    private boolean closed;

    private LocalAws(Builder builder) {
        this.target = builder.target;
        this.what = builder.what;
        this.dynamoDbEndpoint = builder.dynamoDb;
        this.dynamoDbStreamsEndpoint = builder.dynamoDbStreams;
        this.s3Endpoint = builder.s3;
        this.sqsEndpoint = builder.sqs;
        this.region = builder.region;
        this.credentials = builder.credentials;
        this.marksTtlDeletions = builder.marksTtlDeletions;
        this.startupTimes = Collections.unmodifiableMap(new LinkedHashMap<>(builder.startupTimes));
        this.logs = Optional.ofNullable(builder.logs);
        this.started = List.copyOf(builder.started);
    }

    /** Starts the target chosen by {@value AwsTarget#PROPERTY} ({@code embedded} when unset). */
    public static LocalAws start() {
        return start(AwsTarget.fromSystemProperties());
    }

    public static LocalAws start(AwsTarget target) {
        LocalAws aws = switch (target) {
            case EMBEDDED -> embedded();
            case ENDPOINTS -> endpoints();
            case LOCALSTACK -> localstack();
        };
        LOG.info(aws::describe);
        return aws;
    }

    /** DynamoDB Local, S3Mock and ElasticMQ as separate processes on free ports; stopped by {@link #close()}. */
    public static LocalAws embedded() {
        return embedded(EmulatorPorts.FREE, null);
    }

    /**
     * DynamoDB Local, S3Mock and ElasticMQ on the given loopback ports (0: any free port). A fixed
     * port that is taken fails the start with {@link PortTakenException}.
     *
     * @param logs the folder for the emulators' output; null for the default (see docs/local-aws.md)
     */
    public static LocalAws embedded(EmulatorPorts ports, Path logs) {
        EmbeddedEmulators emulators = EmbeddedEmulators.start(ports, logs);
        URI dynamoDb = emulators.dynamoDb().endpoint();
        Builder builder = new Builder(AwsTarget.EMBEDDED, emulators.dynamoDb().name() + ", "
                + emulators.s3().name() + ", " + emulators.sqs().name());
        builder.dynamoDb = dynamoDb;
        builder.dynamoDbStreams = dynamoDb;
        builder.s3 = emulators.s3().endpoint();
        builder.sqs = emulators.sqs().endpoint();
        builder.region = EMULATOR_REGION;
        builder.credentials = DUMMY_CREDENTIALS;
        // DynamoDB Local 2.x deletes expired items by itself, with DynamoDB's service identity on the REMOVE record.
        builder.marksTtlDeletions = true;
        builder.startupTimes.putAll(emulators.startupTimes());
        builder.logs = emulators.logs();
        builder.started.add(emulators);
        return new LocalAws(builder);
    }

    /**
     * The endpoints named by system properties. A service without an endpoint property uses AWS's
     * public endpoint for the region; the streams endpoint defaults to the DynamoDB one when that is set.
     */
    public static LocalAws endpoints() {
        Region region = Region.of(System.getProperty(REGION_PROPERTY, EMULATOR_REGION.id()));
        Optional<URI> all = uri(ENDPOINT_PROPERTY);
        Optional<URI> dynamoDb = uri(DYNAMODB_PROPERTY).or(() -> all);
        Builder builder = new Builder(AwsTarget.ENDPOINTS, "endpoints from system properties");
        builder.dynamoDb = dynamoDb.orElseGet(() -> publicEndpoint("dynamodb", region));
        builder.dynamoDbStreams = uri(DYNAMODB_STREAMS_PROPERTY).or(() -> dynamoDb)
                .orElseGet(() -> publicEndpoint("streams.dynamodb", region));
        builder.s3 = uri(S3_PROPERTY).or(() -> all).orElseGet(() -> publicEndpoint("s3", region));
        builder.sqs = uri(SQS_PROPERTY).or(() -> all).orElseGet(() -> publicEndpoint("sqs", region));
        builder.region = region;
        builder.credentials = credentialsFromProperty();
        builder.marksTtlDeletions = Boolean.parseBoolean(System.getProperty(MARKS_TTL_DELETIONS_PROPERTY, "false"));
        return new LocalAws(builder);
    }

    /** LocalStack in Docker. Throws {@link LocalAwsUnavailableException} where no Docker engine runs. */
    public static LocalAws localstack() {
        long begin = System.nanoTime();
        LocalStackEnvironment localstack = LocalStackEnvironment.start();
        Builder builder = new Builder(AwsTarget.LOCALSTACK, localstack.image());
        builder.dynamoDb = localstack.endpoint();
        builder.dynamoDbStreams = localstack.endpoint();
        builder.s3 = localstack.endpoint();
        builder.sqs = localstack.endpoint();
        builder.region = Region.of(localstack.region());
        builder.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(localstack.accessKey(), localstack.secretKey()));
        // LocalStack's TTL REMOVE records carry no userIdentity.
        builder.marksTtlDeletions = false;
        builder.startupTimes.put(localstack.image(), Duration.ofNanos(System.nanoTime() - begin));
        builder.started.add(localstack);
        return new LocalAws(builder);
    }

    public URI dynamoDbEndpoint() {
        return dynamoDbEndpoint;
    }

    public URI dynamoDbStreamsEndpoint() {
        return dynamoDbStreamsEndpoint;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public Region region() {
        return region;
    }

    /** Static dummy credentials for emulators; the SDK's default chain for a real account if asked for. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = client(() -> AwsClients.dynamoDb(dynamoDbEndpoint, region, credentials));
        }
        return dynamoDb;
    }

    public synchronized DynamoDbStreamsClient dynamoDbStreams() {
        if (dynamoDbStreams == null) {
            dynamoDbStreams = client(() -> AwsClients.dynamoDbStreams(dynamoDbStreamsEndpoint, region, credentials));
        }
        return dynamoDbStreams;
    }

    /** A client of its own (its own connections), which the caller closes; {@link #s3()} is the shared one. */
    public S3Client newS3Client() {
        return AwsClients.s3(s3Endpoint, region, credentials);
    }

    /** Path-style addressing: {@code <endpoint>/<bucket>/<key>}. */
    public synchronized S3Client s3() {
        if (s3 == null) {
            s3 = client(() -> AwsClients.s3(s3Endpoint, region, credentials));
        }
        return s3;
    }

    public synchronized SqsClient sqs() {
        if (sqs == null) {
            sqs = client(() -> AwsClients.sqs(sqsEndpoint, region, credentials));
        }
        return sqs;
    }

    /**
     * Whether this target deletes TTL-expired items by itself, within seconds, and marks each REMOVE
     * stream record with DynamoDB's identity ({@code Service}, {@code dynamodb.amazonaws.com}), so a
     * test can wait for a genuine TTL record. True for DynamoDB Local, false for LocalStack and moto.
     */
    public boolean marksTtlDeletions() {
        return marksTtlDeletions;
    }

    public AwsTarget target() {
        return target;
    }

    /** How long each emulator (or the LocalStack container) took to answer; empty for the endpoints target. */
    public Map<String, Duration> startupTimes() {
        return startupTimes;
    }

    /** Where the emulators' output is, for the embedded target. */
    public Optional<Path> logs() {
        return logs;
    }

    /** One line for logs: target, endpoints, region, start-up times and where the output goes. */
    public String describe() {
        StringBuilder line = new StringBuilder(target.id()).append(" (").append(what).append("): dynamodb ").append(dynamoDbEndpoint);
        if (!dynamoDbStreamsEndpoint.equals(dynamoDbEndpoint)) {
            line.append(", streams ").append(dynamoDbStreamsEndpoint);
        }
        line.append(", s3 ").append(s3Endpoint).append(", sqs ").append(sqsEndpoint)
                .append(", region ").append(region.id())
                .append(", marks TTL deletions: ").append(marksTtlDeletions ? "yes" : "no");
        if (!startupTimes.isEmpty()) {
            line.append(", started in ").append(startupTimes.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + seconds(entry.getValue()))
                    .collect(Collectors.joining(", ")));
        }
        logs.ifPresent(folder -> line.append(", output in ").append(folder));
        return line.toString();
    }

    /** Closes the clients, then stops what this harness started. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        List<AutoCloseable> toClose = new ArrayList<>(clients);
        List<AutoCloseable> reversed = new ArrayList<>(started);
        Collections.reverse(reversed);
        toClose.addAll(reversed);
        for (AutoCloseable closeable : toClose) {
            try {
                closeable.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("stopping " + target.id() + " AWS failed", e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return describe();
    }

    private <T extends AutoCloseable> T client(Supplier<T> factory) {
        if (closed) {
            throw new IllegalStateException("this LocalAws is closed: " + describe());
        }
        T client = factory.get();
        clients.add(client);
        return client;
    }

    private static Optional<URI> uri(String property) {
        String value = System.getProperty(property, "");
        return value.isBlank() ? Optional.empty() : Optional.of(URI.create(value.trim()));
    }

    private static URI publicEndpoint(String service, Region region) {
        return URI.create("https://" + service + "." + region.id() + ".amazonaws.com");
    }

    private static AwsCredentialsProvider credentialsFromProperty() {
        String kind = System.getProperty(CREDENTIALS_PROPERTY, "static").trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "static" -> DUMMY_CREDENTIALS;
            case "default" -> DefaultCredentialsProvider.builder().build();
            default -> throw new IllegalArgumentException("-D" + CREDENTIALS_PROPERTY + "=" + kind
                    + " is not supported; use static (dummy keys, for emulators) or default (the AWS SDK's chain)");
        };
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    /** Collects what a target contributes before the immutable instance is built. */
    private static final class Builder {
        private final AwsTarget target;
        private final String what;
        private URI dynamoDb;
        private URI dynamoDbStreams;
        private URI s3;
        private URI sqs;
        private Region region;
        private AwsCredentialsProvider credentials;
        private boolean marksTtlDeletions;
        private final Map<String, Duration> startupTimes = new LinkedHashMap<>();
        private Path logs;
        private final List<AutoCloseable> started = new ArrayList<>();

        private Builder(AwsTarget target, String what) {
            this.target = target;
            this.what = what;
        }
    }
}
