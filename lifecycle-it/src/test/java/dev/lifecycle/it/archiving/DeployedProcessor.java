package dev.lifecycle.it.archiving;

import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.faults.FaultInjectingProxy;
import dev.lifecycle.it.lambda.FunctionProcess;
import dev.lifecycle.it.lambda.LambdaRuntimeApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The stream processor as deployed: the packaged {@code function.zip} of lifecycle-app-lambda in
 * its own JVM, polling a local Lambda Runtime API, configured by environment variables like a
 * real function, with its S3 traffic passing through a fault-injecting proxy (healthy unless a
 * test says otherwise).
 */
final class DeployedProcessor implements AutoCloseable {

    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:000000000000:function:lifecycle-stream-processor";

    final LambdaRuntimeApi runtimeApi;
    final FaultInjectingProxy s3Proxy;
    private final LocalAws aws;
    private final String policyTable;
    private FunctionProcess function;
    private int starts;

    private DeployedProcessor(LocalAws aws, String policyTable, Duration invocationTimeout) {
        this.aws = aws;
        this.policyTable = policyTable;
        this.runtimeApi = LambdaRuntimeApi.start(FUNCTION_ARN, invocationTimeout);
        this.s3Proxy = FaultInjectingProxy.start(aws.s3Endpoint(), 20261122L);
    }

    static DeployedProcessor start(LocalAws aws, String policyTable, Duration invocationTimeout) {
        DeployedProcessor processor = new DeployedProcessor(aws, policyTable, invocationTimeout);
        processor.startFunction();
        return processor;
    }

    /** Starts (or restarts, after a kill) the function process and waits until it polls for work. */
    void startFunction() {
        Path zip = Path.of("..", "lifecycle-app-lambda", "target", "function.zip").toAbsolutePath().normalize();
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: lifecycle-app-lambda must be packaged before lifecycle-it runs");
        }
        Path ric = Path.of(System.getProperty("lifecycle.lambda.ric", "target/lambda-ric"));
        Map<String, String> environment = Map.of(
                "QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", aws.dynamoDbEndpoint().toString(),
                "QUARKUS_S3_ENDPOINT_OVERRIDE", s3Proxy.endpoint().toString(),
                "QUARKUS_S3_PATH_STYLE_ACCESS", "true",
                "AWS_REGION", aws.region().id(),
                "AWS_ACCESS_KEY_ID", aws.credentials().resolveCredentials().accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", aws.credentials().resolveCredentials().secretAccessKey(),
                "LIFECYCLE_PROCESSOR_POLICY_TABLE", policyTable,
                "LIFECYCLE_PROCESSOR_POLICY_CACHE_MAX_AGE", "PT1S",
                "QUARKUS_LOG_CATEGORY__DEV_LIFECYCLE__LEVEL", "INFO");
        starts++;
        function = FunctionProcess.start(zip, ric, runtimeApi, environment,
                Path.of("target", "function-logs", "stream-processor-" + starts + ".log"))
                .awaitReady(runtimeApi, Duration.ofSeconds(60));
    }

    FunctionProcess function() {
        return function;
    }

    String log() {
        try {
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= starts; i++) {
                Path log = Path.of("target", "function-logs", "stream-processor-" + i + ".log");
                if (Files.exists(log)) {
                    all.append(Files.readString(log));
                }
            }
            return all.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (function != null) {
            function.close();
        }
        runtimeApi.close();
        s3Proxy.close();
    }
}
