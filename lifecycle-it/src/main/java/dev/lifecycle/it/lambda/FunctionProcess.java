package dev.lifecycle.it.lambda;

import dev.lifecycle.it.aws.ProcessReaper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The packaged JVM-mode function ({@code function.zip}) running as its own process, the way AWS's
 * Java images run it: AWS's Runtime Interface Client polls a Runtime API and calls Quarkus's
 * stream handler. Quarkus's own poll loop only runs in native builds, hence the client.
 */
public final class FunctionProcess implements AutoCloseable {

    public static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    public static final String HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";

    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Process process;
    private final Path unzipped;
    private final Path log;

    private FunctionProcess(Process process, Path unzipped, Path log) {
        this.process = process;
        this.unzipped = unzipped;
        this.log = log;
    }

    /**
     * Unzips {@code functionZip} and starts it against {@code api}.
     *
     * @param ricJars the folder holding the Runtime Interface Client jars
     * @param environment extra environment: endpoints, configuration of the function
     * @param log where the process's stdout and stderr go
     */
    public static FunctionProcess start(Path functionZip, Path ricJars, LambdaRuntimeApi api, Map<String, String> environment,
                                        Path log) {
        try {
            Path unzipped = Files.createTempDirectory("lifecycle-function-");
            unzip(functionZip, unzipped);
            String classpath = String.join(File.pathSeparator, unzipped.toString(), unzipped.resolve("lib") + File.separator + "*",
                    ricJars + File.separator + "*");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-cp", classpath, RIC_MAIN, HANDLER));
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            Map<String, String> env = builder.environment();
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_FUNCTION_NAME", "lifecycle-stream-processor");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/lifecycle-stream-processor");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
            env.putIfAbsent("AWS_REGION", "us-east-1");
            env.putAll(environment);
            ProcessReaper.registerScratch(unzipped);
            Process process = builder.start();
            ProcessReaper.register(process);
            return new FunctionProcess(process, unzipped, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the function from " + functionZip, e);
        }
    }

    /** Waits until the function's runtime polls the API; fails with the log's path if it dies or takes too long. */
    public FunctionProcess awaitReady(LambdaRuntimeApi api, Duration timeout) {
        return awaitReady(api, timeout, 0);
    }

    /**
     * Waits until the API has seen more than {@code pollsBefore} polls, so that a process started
     * after another one died is waited for too; fails with the log's path if it dies or takes too long.
     */
    public FunctionProcess awaitReady(LambdaRuntimeApi api, Duration timeout, int pollsBefore) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (api.pollCount() <= pollsBefore) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the function process exited with " + process.exitValue() + "; see " + log);
            }
            if (api.initError().isDone()) {
                throw new IllegalStateException("the function failed to initialise: " + api.initError().join() + "; see " + log);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the function did not poll the Runtime API within " + timeout + "; see " + log);
            }
            sleep(20);
        }
        return this;
    }

    /** Kills the process at once, as a crash or an out-of-memory kill would. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        ProcessReaper.stop(process, STOP_GRACE);
        ProcessReaper.deleteScratch(unzipped);
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path destination = target.resolve(entry.getName()).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("zip entry escapes the target folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(entries, destination, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
