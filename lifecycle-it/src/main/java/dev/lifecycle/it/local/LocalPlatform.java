package dev.lifecycle.it.local;

import dev.lifecycle.it.aws.EmulatorPorts;
import dev.lifecycle.it.aws.FreePorts;
import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.aws.PortTakenException;
import dev.lifecycle.it.lambda.DeployedFunction;
import dev.lifecycle.it.lambda.EventSourceMappingSettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The whole platform on this machine, what {@code ./mvnw -Plocal} runs until Ctrl-C: the emulators
 * on documented ports, the demo resources, signing keys and tokens, the admin API and the stream
 * processor as child processes, and a watcher that attaches the processor to every table whose
 * stream carries old images. See docs/local-platform.md.
 */
public final class LocalPlatform implements AutoCloseable {

    public static final String DYNAMODB_PORT_PROPERTY = "lifecycle.local.dynamodb-port";
    public static final String S3_PORT_PROPERTY = "lifecycle.local.s3-port";
    public static final String SQS_PORT_PROPERTY = "lifecycle.local.sqs-port";
    public static final String HTTP_PORT_PROPERTY = "lifecycle.local.http-port";
    public static final String PROJECT_ROOT_PROPERTY = "lifecycle.local.project-root";
    public static final String OUTPUT_PROPERTY = "lifecycle.local.output";

    static final String HOST = "127.0.0.1";
    static final Duration TOKEN_VALIDITY = Duration.ofHours(12);
    static final List<String> ADMIN_GROUPS = List.of("lifecycle-admin", "lifecycle-viewer");
    static final List<String> VIEWER_GROUPS = List.of("lifecycle-viewer");

    private static final Logger LOG = Logger.getLogger(LocalPlatform.class.getName());
    private static final Duration ADMIN_API_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration INVOCATION_TIMEOUT = Duration.ofSeconds(60);

    private final Settings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalAws aws;
    private String failureQueueUrl;
    private AdminApiProcess adminApi;
    private DeployedFunction function;
    private TableWatcher watcher;
    private Duration startupTime;
    private boolean closed;

    private LocalPlatform(Settings settings) {
        this.settings = settings;
    }

    /**
     * Where the platform finds the packaged modules, where it writes its files, and its ports
     * ({@code 0}: any free port, what tests use).
     */
    public record Settings(Path projectRoot, Path output, EmulatorPorts emulatorPorts, int httpPort, Duration watchInterval) {

        public Settings {
            projectRoot = projectRoot.toAbsolutePath().normalize();
            output = output.toAbsolutePath().normalize();
            if (httpPort < 0 || httpPort > 65_535) {
                throw new IllegalArgumentException("httpPort must be 0 (any free port) or 1 to 65535, was " + httpPort);
            }
            if (watchInterval.isNegative() || watchInterval.isZero()) {
                throw new IllegalArgumentException("watchInterval must be positive, was " + watchInterval);
            }
        }

        /** The documented defaults (DynamoDB 8000, S3 9090, SQS 9324, admin API 8080), each overridable by its property. */
        public static Settings fromSystemProperties() {
            Path root = Path.of(System.getProperty(PROJECT_ROOT_PROPERTY, detectProjectRoot().toString()));
            String output = System.getProperty(OUTPUT_PROPERTY, "");
            return new Settings(root,
                    output.isBlank() ? root.resolve("lifecycle-it/target/local-platform") : Path.of(output),
                    new EmulatorPorts(port(DYNAMODB_PORT_PROPERTY, 8000), port(S3_PORT_PROPERTY, 9090), port(SQS_PORT_PROPERTY, 9324)),
                    port(HTTP_PORT_PROPERTY, 8080),
                    Duration.ofSeconds(2));
        }

        /** Every port free, for tests beside a running local platform. */
        public static Settings freePorts(Path projectRoot, Path output, Duration watchInterval) {
            return new Settings(projectRoot, output, EmulatorPorts.FREE, 0, watchInterval);
        }

        private static int port(String property, int fallback) {
            String value = System.getProperty(property, "").trim();
            try {
                return value.isEmpty() ? fallback : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("-D" + property + "=" + value + " is not a port number");
            }
        }

        private static Path detectProjectRoot() {
            Path workingDirectory = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            for (Path candidate = workingDirectory; candidate != null; candidate = candidate.getParent()) {
                if (Files.isDirectory(candidate.resolve("lifecycle-app-lambda")) && Files.isDirectory(candidate.resolve("lifecycle-it"))) {
                    return candidate;
                }
            }
            return workingDirectory;
        }
    }

    /** Starts everything and waits until each part answers; on failure, stops what had started and throws. */
    public static LocalPlatform start(Settings settings) {
        LocalPlatform platform = new LocalPlatform(settings);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        logOneLinePerEvent();
        LocalPlatform platform = start(Settings.fromSystemProperties());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[local] stopping: watcher, stream processor, admin API, emulators");
            platform.close();
            System.out.println("[local] stopped");
        }, "local-platform-shutdown"));
        System.out.println(platform.banner());
        // Never returns: Ctrl-C ends the JVM through the hook above, without Maven printing a build summary meanwhile.
        new CountDownLatch(1).await();
    }

    private void startAll() {
        long begin = System.nanoTime();
        checkFixedPortsFree();
        int httpPort = settings.httpPort() == 0 ? FreePorts.pick() : settings.httpPort();
        Path publicKey = writeKeysAndTokens();
        Path projectRoot = settings.projectRoot();
        Path adminJar = AdminApiProcess.packagedJar(projectRoot);
        Path functionZip = DeployedFunction.packagedZip(projectRoot);
        Path ricJars = DeployedFunction.ricJars();

        aws = remember(LocalAws.embedded(settings.emulatorPorts(), settings.output().resolve("emulator-logs")));
        LOG.info(() -> "emulators: " + aws.describe());

        // Side by side, on threads of their own (the common pool has one thread on a 2-core machine): each JVM
        // takes seconds to start, and none needs the others' resources at start-up.
        // The admin API replays this queue, so its URL must be known before the admin API starts (ElasticMQ answers at once).
        failureQueueUrl = DemoResources.failureQueue(aws);
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            startSideBySide(starting, adminJar, functionZip, ricJars, httpPort, publicKey);
        } finally {
            starting.shutdown();
        }
        watcher = remember(TableWatcher.start(aws, function.oneAtATime(), DeployedFunction.FUNCTION_ARN,
                EventSourceMappingSettings.recommended(failureQueueUrl), settings.watchInterval()));
        startupTime = Duration.ofNanos(System.nanoTime() - begin);
    }

    private void startSideBySide(ExecutorService executor, Path adminJar, Path functionZip, Path ricJars, int httpPort,
                                 Path publicKey) {
        CompletableFuture<String> resources = CompletableFuture.supplyAsync(() -> DemoResources.createIfMissing(aws), executor);
        CompletableFuture<AdminApiProcess> admin = CompletableFuture.supplyAsync(() ->
                remember(AdminApiProcess.start(adminJar, HOST, httpPort, adminApiProperties(httpPort, publicKey), awsEnvironment(),
                        settings.output().resolve("admin-api.log"))).awaitLive(ADMIN_API_TIMEOUT), executor);
        CompletableFuture<DeployedFunction> processor = CompletableFuture.supplyAsync(() -> remember(DeployedFunction.start(
                functionZip, ricJars, DeployedFunction.environment(aws, aws.s3Endpoint(), DemoResources.POLICY_TABLE),
                settings.output(), INVOCATION_TIMEOUT)), executor);
        awaitAll(resources, admin, processor);
        resources.join();
        adminApi = admin.join();
        function = processor.join();
    }

    /** The admin API's settings, with the names the HTTP module reads. */
    private Map<String, String> adminApiProperties(int httpPort, Path publicKey) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", HOST);
        properties.put("quarkus.http.port", Integer.toString(httpPort));
        properties.put("quarkus.dynamodb.endpoint-override", aws.dynamoDbEndpoint().toString());
        properties.put("quarkus.s3.endpoint-override", aws.s3Endpoint().toString());
        properties.put("quarkus.s3.path-style-access", "true");
        properties.put("lifecycle.admin.policy-table", DemoResources.POLICY_TABLE);
        properties.put("lifecycle.admin.create-policy-table", "true");
        properties.put("lifecycle.admin.drift-check-interval", "30s");
        // DynamoDB Local sweeps expired items within seconds: enforce holds as often.
        properties.put("lifecycle.admin.hold-enforcement-interval", "30s");
        properties.put("lifecycle.admin.failure-queue-url", failureQueueUrl);
        properties.put("lifecycle.admin.sqs-endpoint-override", aws.sqsEndpoint().toString());
        properties.put("mp.jwt.verify.publickey.location", publicKey.toString());
        properties.put("mp.jwt.verify.issuer", LocalTokens.ISSUER);
        return properties;
    }

    private Map<String, String> awsEnvironment() {
        AwsCredentials credentials = aws.credentials().resolveCredentials();
        return Map.of("AWS_REGION", aws.region().id(),
                "AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
    }

    /** Fails before anything starts, naming the property that moves the port, when a fixed port is taken. */
    private void checkFixedPortsFree() {
        EmulatorPorts emulators = settings.emulatorPorts();
        for (FixedPort fixed : List.of(new FixedPort("DynamoDB Local", DYNAMODB_PORT_PROPERTY, emulators.dynamoDb()),
                new FixedPort("S3Mock", S3_PORT_PROPERTY, emulators.s3()),
                new FixedPort("ElasticMQ", SQS_PORT_PROPERTY, emulators.sqs()),
                new FixedPort("The admin API", HTTP_PORT_PROPERTY, settings.httpPort()))) {
            if (fixed.port() != 0 && !FreePorts.isFree(fixed.port())) {
                throw new PortTakenException(fixed.what(), fixed.port(),
                        "Stop that process, or choose another port: ./mvnw -Plocal -D" + fixed.property() + "=<port>");
            }
        }
    }

    private record FixedPort(String what, String property, int port) {
    }

    private Path writeKeysAndTokens() {
        LocalTokens tokens = LocalTokens.generate();
        Instant now = Instant.now();
        Path publicKey = settings.output().resolve("jwt-public.pem");
        write(publicKey, tokens.publicKeyPem());
        write(settings.output().resolve("admin.jwt"), tokens.mint("local-admin", ADMIN_GROUPS, now, TOKEN_VALIDITY));
        write(settings.output().resolve("viewer.jwt"), tokens.mint("local-viewer", VIEWER_GROUPS, now, TOKEN_VALIDITY));
        return publicKey;
    }

    public LocalAws aws() {
        return aws;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI adminApi() {
        return adminApi.baseUri();
    }

    public DeployedFunction function() {
        return function;
    }

    public String failureQueueUrl() {
        return failureQueueUrl;
    }

    public Path output() {
        return settings.output();
    }

    TableWatcher watcher() {
        return watcher;
    }

    /** What runs where, the files, and the first command of the walkthrough. */
    public String banner() {
        AwsCredentials credentials = aws.credentials().resolveCredentials();
        String out = shown(settings.output());
        String line = "=".repeat(100);
        StringBuilder banner = new StringBuilder("\n").append(line).append('\n');
        banner.append(String.format(Locale.ROOT, " Lifecycle runs locally (ready in %.1f s). Stop it with Ctrl-C.%n%n",
                startupTime.toMillis() / 1000.0));
        row(banner, "Admin API", adminApi().toString(), "log " + out + "/admin-api.log");
        row(banner, "Health", adminApi() + "/q/health/live", "");
        row(banner, "Swagger UI", adminApi() + "/q/swagger-ui", "");
        row(banner, "DynamoDB", aws.dynamoDbEndpoint().toString(), "tables " + DemoResources.POLICY_TABLE + ", " + DemoResources.DEMO_TABLE);
        row(banner, "S3", aws.s3Endpoint().toString(), "bucket " + DemoResources.ARCHIVE_BUCKET);
        row(banner, "SQS", aws.sqsEndpoint().toString(), "queue " + DemoResources.FAILURE_QUEUE + " (replay: POST /api/v1/replays)");
        row(banner, "AWS", "region " + aws.region().id(), "access key " + credentials.accessKeyId()
                + ", secret key " + credentials.secretAccessKey());
        banner.append('\n');
        banner.append(" Stream processor: attached to every table whose stream carries old images (checked every ")
                .append(settings.watchInterval().toMillis() / 1000.0).append(" s)\n");
        banner.append("   log ").append(shown(function.currentLog())).append('\n');
        banner.append('\n');
        banner.append(" Tokens, valid 12 hours, signed by the key in ").append(out).append("/jwt-public.pem:\n");
        banner.append("   admin  (lifecycle-admin, lifecycle-viewer)  ").append(out).append("/admin.jwt\n");
        banner.append("   viewer (lifecycle-viewer)                   ").append(out).append("/viewer.jwt\n");
        banner.append('\n');
        banner.append("   export TOKEN=$(cat ").append(out).append("/admin.jwt)\n");
        banner.append(line).append('\n');
        return banner.toString();
    }

    /** Stops the watcher and its mappings, the function, the admin API, then the emulators. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> reversed;
        synchronized (started) {
            reversed = new ArrayList<>(started);
        }
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "stopping " + part + " failed", e);
            }
        }
    }

    private <T extends AutoCloseable> T remember(T part) {
        synchronized (started) {
            started.add(part);
        }
        return part;
    }

    /** Waits for every future; if any failed, throws the first failure with the others suppressed. */
    private static void awaitAll(CompletableFuture<?>... futures) {
        RuntimeException failure = null;
        for (CompletableFuture<?> future : futures) {
            try {
                future.join();
            } catch (CompletionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private String shown(Path path) {
        Path root = settings.projectRoot();
        return path.startsWith(root) ? root.relativize(path).toString() : path.toString();
    }

    private static void row(StringBuilder banner, String name, String value, String note) {
        banner.append(String.format(Locale.ROOT, " %-11s %-40s %s%n", name, value, note));
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Log lines of the platform's own classes on stdout, one line each: {@code 12:00:01 [local] message}. */
    private static void logOneLinePerEvent() {
        Logger lifecycle = Logger.getLogger("dev.lifecycle");
        lifecycle.setUseParentHandlers(false);
        PrintStream stdout = System.out;
        StreamHandler handler = new StreamHandler(stdout, new Formatter() {
            @Override
            public String format(LogRecord record) {
                String time = LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
                String level = record.getLevel().intValue() >= Level.WARNING.intValue() ? record.getLevel() + " " : "";
                String thrown = record.getThrown() == null ? "" : ": " + record.getThrown();
                return time + " [local] " + level + formatMessage(record) + thrown + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }

            /** java.util.logging closes every handler at shutdown: System.out must stay open for the last lines. */
            @Override
            public synchronized void close() {
                flush();
            }
        };
        lifecycle.addHandler(handler);
    }
}
