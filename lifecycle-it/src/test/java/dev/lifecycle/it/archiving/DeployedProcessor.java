package dev.lifecycle.it.archiving;

import dev.lifecycle.it.aws.LocalAws;
import dev.lifecycle.it.faults.FaultInjectingProxy;
import dev.lifecycle.it.lambda.DeployedFunction;
import dev.lifecycle.it.lambda.FunctionProcess;
import dev.lifecycle.it.lambda.LambdaRuntimeApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployed stream processor ({@link DeployedFunction}) with its S3 traffic passing through a
 * fault-injecting proxy (healthy unless a test says otherwise), and a short policy cache so that
 * tests see policy changes at once.
 */
final class DeployedProcessor implements AutoCloseable {

    static final String FUNCTION_ARN = DeployedFunction.FUNCTION_ARN;

    final LambdaRuntimeApi runtimeApi;
    final FaultInjectingProxy s3Proxy;
    private final DeployedFunction deployed;

    private DeployedProcessor(FaultInjectingProxy s3Proxy, DeployedFunction deployed) {
        this.s3Proxy = s3Proxy;
        this.deployed = deployed;
        this.runtimeApi = deployed.runtimeApi();
    }

    static DeployedProcessor start(LocalAws aws, String policyTable, Duration invocationTimeout) {
        FaultInjectingProxy s3Proxy = FaultInjectingProxy.start(aws.s3Endpoint(), 20261122L);
        try {
            Map<String, String> environment = new HashMap<>(DeployedFunction.environment(aws, s3Proxy.endpoint(), policyTable));
            environment.put("LIFECYCLE_PROCESSOR_POLICY_CACHE_MAX_AGE", "PT1S");
            environment.put("QUARKUS_LOG_CATEGORY__DEV_LIFECYCLE__LEVEL", "INFO");
            DeployedFunction deployed = DeployedFunction.start(DeployedFunction.packagedZip(Path.of("..")),
                    DeployedFunction.ricJars(), environment, Path.of("target", "function-logs"), invocationTimeout);
            return new DeployedProcessor(s3Proxy, deployed);
        } catch (RuntimeException e) {
            s3Proxy.close();
            throw e;
        }
    }

    /** Starts (or restarts, after a kill) the function process and waits until it polls for work. */
    void startFunction() {
        deployed.startFunction();
    }

    FunctionProcess function() {
        return deployed.process();
    }

    String log() {
        return deployed.log();
    }

    @Override
    public void close() {
        deployed.close();
        s3Proxy.close();
    }
}
