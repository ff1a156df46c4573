package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * AWS's DynamoDB Local (with DynamoDB Streams and a real TTL sweeper), in memory, through
 * {@link EmulatorMain} so that it listens on loopback only.
 *
 * <p>DynamoDB Local 2.x carries the sqlite4java native libraries for Linux (x86, x86_64, aarch64),
 * macOS (x86_64, aarch64) and Windows (x86, x86_64) inside its jar and extracts the one for the
 * running machine to {@code java.io.tmpdir}: that folder is pointed into the scratch folder.
 */
record DynamoDbLocalEmulator(EmulatorHome home) implements Emulator {

    static final String MAIN_JAR_PREFIX = "DynamoDBLocal-";

    @Override
    public String name() {
        return EmulatorHome.DYNAMODB_LOCAL;
    }

    @Override
    public String description() {
        return "DynamoDB Local " + home.version(EmulatorHome.DYNAMODB_LOCAL, MAIN_JAR_PREFIX);
    }

    @Override
    public EmulatorProcess launch(int port, Path scratch, Path launcher, Path log) {
        Path nativeLibraries = createDirectories(scratch.resolve("dynamodb-local-tmp"));
        List<String> command = List.of(
                Emulator.java(),
                "-Xmx1g", "-XX:+UseSerialGC",
                "-Djava.io.tmpdir=" + nativeLibraries,
                "-cp", Emulator.classpath(home.folder(name()), launcher),
                EmulatorMain.class.getName(), EmulatorMain.DYNAMODB_LOCAL, HOST,
                // -sharedDb: one database whatever the region and credentials, as clients of one account see it.
                "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port));
        return EmulatorProcess.launch(description(), command, Emulator.endpoint(port), log, Map.of());
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }
}
