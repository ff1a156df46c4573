package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder where the build copied the emulators ({@code lifecycle-it/emulators/target}): one
 * sub-folder per emulator with its jars, which the harness runs as separate processes.
 */
record EmulatorHome(Path root) {

    /** System property naming the folder; the lifecycle-it build sets it for its tests. */
    static final String PROPERTY = "lifecycle.emulators.dir";

    static final String DYNAMODB_LOCAL = "dynamodb-local";
    static final String S3MOCK = "s3mock";
    static final String ELASTICMQ = "elasticmq";

    /** The folder named by {@value #PROPERTY}, else the usual places relative to the working directory. */
    static EmulatorHome locate() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        } else {
            Path workingDirectory = Path.of(System.getProperty("user.dir"));
            candidates.add(workingDirectory.resolve("emulators/target"));
            candidates.add(workingDirectory.resolve("lifecycle-it/emulators/target"));
        }
        return candidates.stream()
                .map(path -> new EmulatorHome(path.toAbsolutePath().normalize()))
                .filter(EmulatorHome::complete)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The emulators are not in " + candidates
                        + ". The build copies them there from Maven Central: run `./mvnw verify` (or "
                        + "`./mvnw -f lifecycle-it/emulators/pom.xml generate-resources`) from the project root, "
                        + "or point -D" + PROPERTY + " at the folder."));
    }

    Path folder(String emulator) {
        return root.resolve(emulator);
    }

    /** The one jar in {@code emulator}'s folder whose name starts with {@code prefix}. */
    Path jar(String emulator, String prefix) {
        return findJar(emulator, prefix).orElseThrow(() -> new IllegalStateException(
                "no " + prefix + "*.jar in " + folder(emulator) + ": rebuild with ./mvnw verify"));
    }

    /** The version in the jar's file name, e.g. 2.6.1 for DynamoDBLocal-2.6.1.jar. */
    String version(String emulator, String prefix) {
        String file = jar(emulator, prefix).getFileName().toString();
        String rest = file.substring(prefix.length(), file.length() - ".jar".length());
        int classifier = rest.indexOf('-');
        return classifier < 0 ? rest : rest.substring(0, classifier);
    }

    private boolean complete() {
        return findJar(DYNAMODB_LOCAL, "DynamoDBLocal-").isPresent()
                && findJar(S3MOCK, "s3mock-").isPresent()
                && findJar(ELASTICMQ, "elasticmq-server_2.13-").isPresent();
    }

    private Optional<Path> findJar(String emulator, String prefix) {
        Path folder = folder(emulator);
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> jars = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(".jar");
            }).sorted().toList();
            if (jars.size() > 1) {
                throw new IllegalStateException("several versions of " + prefix + "*.jar in " + folder + " " + jars
                        + " (an emulator version changed): run ./mvnw clean verify");
            }
            return jars.stream().findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }
}
