package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The embedded target's three emulators (DynamoDB Local, S3Mock, ElasticMQ), started side by side
 * as separate processes on loopback ports (free ones, or fixed ones for the local platform), with a
 * private scratch folder deleted on close.
 */
final class EmbeddedEmulators implements AutoCloseable {

    /** System property naming the folder for the emulators' output; the lifecycle-it build sets it. */
    static final String LOGS_PROPERTY = "lifecycle.emulators.logs";

    private static final Logger LOG = Logger.getLogger(EmbeddedEmulators.class.getName());
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int ATTEMPTS = 3;
    private static final String SCRATCH_PREFIX = "lifecycle-aws-";
    private static final String OWNER_FILE = "owner.pid";

    private final EmulatorProcess dynamoDb;
    private final EmulatorProcess s3;
    private final EmulatorProcess sqs;
    private final Path scratch;
    private final Path logs;

    private EmbeddedEmulators(EmulatorProcess dynamoDb, EmulatorProcess s3, EmulatorProcess sqs, Path scratch, Path logs) {
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sqs = sqs;
        this.scratch = scratch;
        this.logs = logs;
    }

    static EmbeddedEmulators start() {
        return start(EmulatorPorts.FREE, null);
    }

    /**
     * @param ports fixed ports, or 0 for any free port
     * @param logFolder where each emulator's output goes; null for {@value #LOGS_PROPERTY} or {@code target/emulator-logs}
     */
    static EmbeddedEmulators start(EmulatorPorts ports, Path logFolder) {
        EmulatorHome home = EmulatorHome.locate();
        Path logs = logFolder == null ? logsFolder() : createFolder(logFolder);
        Path scratch = createScratch();
        Path launcher = installLauncher(scratch);
        Map<Emulator, Integer> emulators = new LinkedHashMap<>();
        emulators.put(new DynamoDbLocalEmulator(home), ports.dynamoDb());
        emulators.put(new S3MockEmulator(home), ports.s3());
        emulators.put(new ElasticMqEmulator(home), ports.sqs());
        List<CompletableFuture<EmulatorProcess>> starting = new ArrayList<>();
        for (Map.Entry<Emulator, Integer> entry : emulators.entrySet()) {
            Emulator emulator = entry.getKey();
            int fixedPort = entry.getValue();
            starting.add(CompletableFuture.supplyAsync(() -> fixedPort == 0
                    ? startWithRetry(emulator, scratch, launcher, logs)
                    : startOnFixedPort(emulator, fixedPort, scratch, launcher, logs), runnable -> {
                Thread thread = new Thread(runnable, "start-" + emulator.name());
                thread.setDaemon(true);
                thread.start();
            }));
        }
        List<EmulatorProcess> started = new ArrayList<>();
        RuntimeException failure = null;
        for (CompletableFuture<EmulatorProcess> future : starting) {
            try {
                started.add(future.join());
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
            started.forEach(EmulatorProcess::close);
            ProcessReaper.deleteScratch(scratch);
            throw failure;
        }
        return new EmbeddedEmulators(started.get(0), started.get(1), started.get(2), scratch, logs);
    }

    EmulatorProcess dynamoDb() {
        return dynamoDb;
    }

    EmulatorProcess s3() {
        return s3;
    }

    EmulatorProcess sqs() {
        return sqs;
    }

    Path logs() {
        return logs;
    }

    /** Name and start-up time of each emulator, in start order. */
    Map<String, Duration> startupTimes() {
        Map<String, Duration> times = new LinkedHashMap<>();
        for (EmulatorProcess process : List.of(dynamoDb, s3, sqs)) {
            times.put(process.name(), process.startupTime());
        }
        return times;
    }

    /** Stops the three processes side by side (each gracefully first), then deletes the scratch folder. */
    @Override
    public void close() {
        CompletableFuture.allOf(
                CompletableFuture.runAsync(dynamoDb::close),
                CompletableFuture.runAsync(s3::close),
                CompletableFuture.runAsync(sqs::close)).join();
        ProcessReaper.deleteScratch(scratch);
    }

    private static EmulatorProcess startWithRetry(Emulator emulator, Path scratch, Path launcher, Path logs) {
        for (int attempt = 1; ; attempt++) {
            int port = FreePorts.pick();
            EmulatorProcess process = emulator.launch(port, scratch, launcher, logs.resolve(emulator.name() + "-" + port + ".log"));
            try {
                process.awaitReady(START_TIMEOUT);
                LOG.info(() -> emulator.description() + " answers on " + process.endpoint() + " after "
                        + process.startupTime().toMillis() + " ms; output in " + process.log());
                return process;
            } catch (EmulatorProcess.EmulatorExitedException e) {
                process.close();
                if (!e.portTaken() || attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warning(() -> emulator.description() + " found port " + port + " taken; trying another");
            } catch (RuntimeException e) {
                process.close();
                throw e;
            }
        }
    }

    /** A fixed port is not retried elsewhere: whoever chose it documented it. */
    private static EmulatorProcess startOnFixedPort(Emulator emulator, int port, Path scratch, Path launcher, Path logs) {
        String remedy = "Stop that process or choose another port for " + emulator.description() + ".";
        if (!FreePorts.isFree(port)) {
            throw new PortTakenException(emulator.description(), port, remedy);
        }
        EmulatorProcess process = emulator.launch(port, scratch, launcher, logs.resolve(emulator.name() + "-" + port + ".log"));
        try {
            process.awaitReady(START_TIMEOUT);
            LOG.info(() -> emulator.description() + " answers on " + process.endpoint() + " after "
                    + process.startupTime().toMillis() + " ms; output in " + process.log());
            return process;
        } catch (EmulatorProcess.EmulatorExitedException e) {
            process.close();
            if (e.portTaken()) {
                PortTakenException taken = new PortTakenException(emulator.description(), port, remedy);
                taken.initCause(e);
                throw taken;
            }
            throw e;
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
    }

    private static Path logsFolder() {
        String configured = System.getProperty(LOGS_PROPERTY);
        Path folder = configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.dir"), "target", "emulator-logs")
                : Path.of(configured);
        return createFolder(folder);
    }

    private static Path createFolder(Path folder) {
        try {
            return Files.createDirectories(folder.toAbsolutePath().normalize());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the emulator log folder " + folder, e);
        }
    }

    private static Path createScratch() {
        try {
            Path scratch = Files.createTempDirectory(SCRATCH_PREFIX);
            Files.writeString(scratch.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
            ProcessReaper.registerScratch(scratch);
            deleteAbandonedScratch(scratch.getParent());
            return scratch;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a scratch folder for the emulators", e);
        }
    }

    /**
     * Deletes scratch folders whose JVM is gone without running its shutdown hook (kill -9): their
     * emulators stopped by themselves ({@link EmulatorMain}), but their data stayed behind.
     */
    private static void deleteAbandonedScratch(Path temp) {
        try (Stream<Path> folders = Files.list(temp)) {
            folders.filter(folder -> folder.getFileName().toString().startsWith(SCRATCH_PREFIX))
                    .filter(EmbeddedEmulators::abandoned)
                    .forEach(ProcessReaper::deleteScratch);
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "could not look for abandoned emulator folders in " + temp + ": " + e);
        }
    }

    private static boolean abandoned(Path folder) {
        try {
            long owner = Long.parseLong(Files.readString(folder.resolve(OWNER_FILE)).trim());
            return ProcessHandle.of(owner).map(handle -> !handle.isAlive()).orElse(true);
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /** Copies {@link EmulatorMain}'s class file out, so the emulators' class paths hold it and nothing else of ours. */
    private static Path installLauncher(Path scratch) {
        String resource = EmulatorMain.class.getName().replace('.', '/') + ".class";
        Path launcher = scratch.resolve("launcher");
        Path target = launcher.resolve(resource);
        try (InputStream classFile = EmulatorMain.class.getClassLoader().getResourceAsStream(resource)) {
            if (classFile == null) {
                throw new IllegalStateException("cannot find " + resource + " on the class path");
            }
            Files.createDirectories(target.getParent());
            Files.copy(classFile, target);
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + resource + " to " + target, e);
        }
    }
}
