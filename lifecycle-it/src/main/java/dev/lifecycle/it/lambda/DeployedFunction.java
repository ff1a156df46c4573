package dev.lifecycle.it.lambda;

import dev.lifecycle.it.aws.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The stream processor as deployed: the packaged {@code function.zip} of lifecycle-app-lambda in
 * its own JVM under AWS's Runtime Interface Client, polling a local {@link LambdaRuntimeApi},
 * configured by environment variables like a real function. The end-to-end tests and the local
 * platform both run it this way.
 */
public final class DeployedFunction implements AutoCloseable {

    public static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-stream-processor";
    /** System property naming the folder of the Runtime Interface Client jars; the lifecycle-it build sets it. */
    public static final String RIC_PROPERTY = "lifecycle.lambda.ric";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final LambdaRuntimeApi runtimeApi;
    private final Path zip;
    private final Path ricJars;
    private final Map<String, String> environment;
    private final Path logFolder;
    private final ReentrantLock oneInvocation = new ReentrantLock(true);
    private final FunctionInvoker oneAtATime = this::invokeAlone;
    private FunctionProcess function;
    private int starts;

    private DeployedFunction(Path zip, Path ricJars, Map<String, String> environment, Path logFolder, Duration invocationTimeout) {
        this.zip = zip;
        this.ricJars = ricJars;
        this.environment = Map.copyOf(environment);
        this.logFolder = logFolder;
        this.runtimeApi = LambdaRuntimeApi.start(FUNCTION_ARN, invocationTimeout);
    }

    /**
     * Starts the Runtime API and the function, and waits until the function polls for work.
     *
     * @param environment the function's configuration (see {@link #environment})
     * @param logFolder where {@code stream-processor-<n>.log} goes, one file per start of the process
     * @param invocationTimeout the function's timeout
     */
    public static DeployedFunction start(Path zip, Path ricJars, Map<String, String> environment, Path logFolder,
                                         Duration invocationTimeout) {
        DeployedFunction deployed = new DeployedFunction(zip, ricJars, environment, logFolder, invocationTimeout);
        try {
            deployed.startFunction();
            return deployed;
        } catch (RuntimeException e) {
            deployed.close();
            throw e;
        }
    }

    /** {@code lifecycle-app-lambda/target/function.zip} under the project root; fails with what to run if it is missing. */
    public static Path packagedZip(Path projectRoot) {
        Path zip = projectRoot.resolve("lifecycle-app-lambda/target/function.zip").toAbsolutePath().normalize();
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: lifecycle-app-lambda must be packaged first (./mvnw package -DskipTests)");
        }
        return zip;
    }

    /** The Runtime Interface Client jars: {@value #RIC_PROPERTY}, else {@code target/lambda-ric} of the working directory. */
    public static Path ricJars() {
        Path folder = Path.of(System.getProperty(RIC_PROPERTY, "target/lambda-ric")).toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw new IllegalStateException("the Lambda Runtime Interface Client jars are not in " + folder
                    + ": the lifecycle-it build copies them there (./mvnw package -DskipTests), or point -D" + RIC_PROPERTY + " at them");
        }
        return folder;
    }

    /**
     * The function's environment as a deployment would set it: endpoints, region and credentials
     * of {@code aws} (S3 reached through {@code s3Endpoint}, which may be a proxy), and the policy table.
     */
    public static Map<String, String> environment(LocalAws aws, URI s3Endpoint, String policyTable) {
        AwsCredentials credentials = aws.credentials().resolveCredentials();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", aws.dynamoDbEndpoint().toString());
        environment.put("QUARKUS_S3_ENDPOINT_OVERRIDE", s3Endpoint.toString());
        environment.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        environment.put("AWS_REGION", aws.region().id());
        environment.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        environment.put("LIFECYCLE_PROCESSOR_POLICY_TABLE", policyTable);
        return environment;
    }

    /** Starts (or restarts, after a kill) the function process and waits until it polls for work. */
    public synchronized void startFunction() {
        starts++;
        int pollsBefore = runtimeApi.pollCount();
        function = FunctionProcess.start(zip, ricJars, runtimeApi, environment, log(starts))
                .awaitReady(runtimeApi, READY_TIMEOUT, pollsBefore);
    }

    /**
     * Kills the function process at once, as a crash or an out-of-memory kill would, and fails the
     * invocation it was running the way Lambda does (a runtime exit error, at once). Start it again
     * with {@link #startFunction}.
     *
     * @return how many invocations the process was running: 1 if it was killed mid-batch, else 0
     */
    public synchronized int crash() {
        function.kill();
        return runtimeApi.failInFlight("Runtime exited with error: signal: killed");
    }

    /** The Runtime API: invoking it directly queues invocations behind each other, each timed from when it was queued. */
    public LambdaRuntimeApi runtimeApi() {
        return runtimeApi;
    }

    /**
     * The function as one Lambda instance with reserved concurrency 1: callers (several event source
     * mappings) take turns in arrival order, and each invocation's timeout starts when it is handed to
     * the function, not while it waits for another caller's. Lambda would start more instances; one
     * process is enough locally, and the function never sees two batches at once.
     */
    public FunctionInvoker oneAtATime() {
        return oneAtATime;
    }

    public synchronized FunctionProcess process() {
        return function;
    }

    /** The output of every start of the function process so far, in order. */
    public synchronized String log() {
        StringBuilder all = new StringBuilder();
        for (int i = 1; i <= starts; i++) {
            Path log = log(i);
            try {
                if (Files.exists(log)) {
                    all.append(Files.readString(log));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + log, e);
            }
        }
        return all.toString();
    }

    /** The log file of the current function process. */
    public synchronized Path currentLog() {
        return log(starts);
    }

    @Override
    public synchronized void close() {
        if (function != null) {
            function.close();
        }
        runtimeApi.close();
    }

    private InvocationResult invokeAlone(byte[] event) {
        oneInvocation.lock();
        try {
            return runtimeApi.invoke(event);
        } finally {
            oneInvocation.unlock();
        }
    }

    private Path log(int start) {
        return logFolder.resolve("stream-processor-" + start + ".log");
    }
}
