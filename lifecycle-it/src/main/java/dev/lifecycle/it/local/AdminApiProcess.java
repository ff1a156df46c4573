package dev.lifecycle.it.local;

import dev.lifecycle.it.aws.ProcessReaper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged admin API ({@code lifecycle-app-http/target/quarkus-app/quarkus-run.jar}) as a child
 * process on loopback, configured by system properties and environment variables, its output in a
 * log file. Ready when {@code /q/health/live} answers 200.
 */
final class AdminApiProcess implements AutoCloseable {

    private static final String LIVENESS = "/q/health/live";

    private final Process process;
    private final URI baseUri;
    private final Path log;

    private AdminApiProcess(Process process, URI baseUri, Path log) {
        this.process = process;
        this.baseUri = baseUri;
        this.log = log;
    }

    /** {@code lifecycle-app-http/target/quarkus-app/quarkus-run.jar} under the project root; fails with what to run if missing. */
    static Path packagedJar(Path projectRoot) {
        Path jar = projectRoot.resolve("lifecycle-app-http/target/quarkus-app/quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: lifecycle-app-http must be packaged first (./mvnw package -DskipTests)");
        }
        return jar;
    }

    /**
     * Starts {@code java -D<properties> -jar <jar>} in the log's folder, with {@code environment}
     * added to this process's environment, listening on {@code host:port} (both also in {@code properties}).
     */
    static AdminApiProcess start(Path jar, String host, int port, Map<String, String> properties, Map<String, String> environment,
                                 Path log) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(log.getParent().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
            // Credentials of the user's own AWS setup must not reach the emulators' clients.
            builder.environment().keySet().removeAll(List.of("AWS_SESSION_TOKEN", "AWS_PROFILE"));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessReaper.register(process);
            return new AdminApiProcess(process, URI.create("http://" + host + ":" + port), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the admin API: " + String.join(" ", command), e);
        }
    }

    /** Waits until {@value #LIVENESS} answers 200; fails naming the log if the process exits or {@code timeout} passes. */
    AdminApiProcess awaitLive(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI liveness = baseUri.resolve(LIVENESS);
        while (status(liveness) != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the admin API exited with code " + process.exitValue() + " before " + liveness
                        + " answered; its output is in " + log + lastLines());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the admin API did not answer 200 on " + liveness + " within " + timeout.toSeconds()
                        + " s; its output is in " + log + lastLines());
            }
            sleep(200);
        }
        return this;
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        ProcessReaper.stop(process, ProcessReaper.GRACE);
    }

    private static int status(URI uri) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return -1;
        }
    }

    private String lastLines() {
        try {
            List<String> lines = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
            List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
            return tail.isEmpty() ? "" : "\n--- last lines of " + log.getFileName() + " ---\n" + String.join("\n", tail);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the admin API", e);
        }
    }
}
