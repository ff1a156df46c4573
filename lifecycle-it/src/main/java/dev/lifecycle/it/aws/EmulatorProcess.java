package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One emulator running as its own JVM, its output going to a log file: started, probed until it
 * answers HTTP on its endpoint, and stopped (gracefully, then by force).
 */
final class EmulatorProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI endpoint;
    private final Path log;
    private final long launchedAt;
    private volatile Duration startupTime;

    private EmulatorProcess(String name, Process process, URI endpoint, Path log) {
        this.name = name;
        this.process = process;
        this.endpoint = endpoint;
        this.log = log;
        this.launchedAt = System.nanoTime();
    }

    /** Starts {@code command} with its output (stdout and stderr) in {@code log}, replacing an older log. */
    static EmulatorProcess launch(String name, List<String> command, URI endpoint, Path log, Map<String, String> environment) {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            ProcessReaper.register(process);
            return new EmulatorProcess(name, process, endpoint, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    /**
     * Waits until the endpoint answers any HTTP response. Fails, naming the log, if the process
     * exits first ({@link EmulatorExitedException}) or the timeout passes.
     */
    EmulatorProcess awaitReady(Duration timeout) {
        long deadline = launchedAt + timeout.toNanos();
        while (!answers()) {
            if (!process.isAlive()) {
                throw new EmulatorExitedException(name + " exited with code " + process.exitValue()
                        + " before it answered on " + endpoint + "; its output is in " + log + lastLines(), bindFailure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not answer on " + endpoint + " within " + timeout
                        + "; its output is in " + log + lastLines());
            }
            sleep(50);
        }
        startupTime = Duration.ofNanos(System.nanoTime() - launchedAt);
        return this;
    }

    String name() {
        return name;
    }

    URI endpoint() {
        return endpoint;
    }

    Path log() {
        return log;
    }

    /** From launch until the endpoint first answered. */
    Duration startupTime() {
        return startupTime;
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            ProcessReaper.stop(process, ProcessReaper.GRACE);
        }
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2_000);
            connection.setRequestMethod("GET");
            try {
                return connection.getResponseCode() > 0;
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return false;
        }
    }

    private boolean bindFailure() {
        String output = readLog();
        return output.contains("Address already in use") || output.contains("BindException")
                || output.contains("Failed to bind") || output.contains("Port " + endpoint.getPort() + " was already in use");
    }

    private String lastLines() {
        List<String> lines = readLog().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - 15), lines.size());
        return tail.isEmpty() ? "" : "\n--- last lines of " + log.getFileName() + " ---\n" + String.join("\n", tail);
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an emulator", e);
        }
    }

    /** The emulator's process ended before it was ready; {@link #portTaken()} says whether a retry on another port may help. */
    static final class EmulatorExitedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        private final boolean portTaken;

        EmulatorExitedException(String message, boolean portTaken) {
            super(message);
            this.portTaken = portTaken;
        }

        boolean portTaken() {
            return portTaken;
        }
    }
}
