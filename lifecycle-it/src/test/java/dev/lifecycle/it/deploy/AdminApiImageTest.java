package dev.lifecycle.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The admin API's Dockerfile cannot be built here (no Docker; CI has none either), so this checks what would make
 * `docker build` or the container fail: that every path it copies is one the build produced, that the jar it runs
 * is among them, that it exposes the port the API listens on and binds every interface, and that it does not run
 * as root. The runnable artifact itself is started by LocalPlatformTest on every build.
 */
class AdminApiImageTest {

    private static final Path MODULE = DeploymentTemplateTest.REPOSITORY.resolve("lifecycle-app-http");
    private static final Path DOCKERFILE = MODULE.resolve("src/main/docker/Dockerfile.jvm");
    private static final Pattern COPY = Pattern.compile("^COPY\\s+(?:--chown=\\S+\\s+)?(\\S+)\\s+(\\S+)\\s*$");

    @Test
    void dockerfile_copiesOnlyWhatTheBuildProducesAndRunsTheJarItCopied() throws IOException {
        List<String> copied = new ArrayList<>();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            Matcher copy = COPY.matcher(line.trim());
            if (copy.matches()) {
                List<Path> sources = expand(copy.group(1));
                assertThat(sources).as(copy.group(1) + " (relative to the build context, the module)").isNotEmpty();
                copied.add(copy.group(2) + " <- " + sources.size() + " path(s)");
            }
        }
        assertThat(copied).hasSize(4);
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\"");
        assertThat(expand("target/quarkus-app/*.jar")).extracting(path -> path.getFileName().toString()).contains("quarkus-run.jar");
        assertThat(Files.readString(MODULE.resolve(".dockerignore"))).contains("!target/quarkus-app/");
    }

    @Test
    void dockerfile_exposesTheApiPortBindsEveryInterfaceAndIsNotRoot() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String properties = Files.readString(MODULE.resolve("src/main/resources/application.properties"));
        Matcher port = Pattern.compile("(?m)^quarkus\\.http\\.port=(\\d+)$").matcher(properties);
        assertThat(port.find()).isTrue();
        assertThat(dockerfile).contains("EXPOSE " + port.group(1));
        assertThat(dockerfile).contains("-Dquarkus.http.host=0.0.0.0");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)$").matcher(dockerfile);
        assertThat(user.find()).isTrue();
        assertThat(user.group(1)).isNotIn("root", "0");
        assertThat(dockerfile).containsPattern("(?m)^FROM \\S+:\\S+$").doesNotContain(":latest");
    }

    private static List<Path> expand(String source) throws IOException {
        Path path = MODULE.resolve(source);
        if (!source.contains("*")) {
            return Files.exists(path) ? List.of(path) : List.of();
        }
        List<Path> matches = new ArrayList<>();
        try (DirectoryStream<Path> glob = Files.newDirectoryStream(path.getParent(), path.getFileName().toString())) {
            glob.forEach(matches::add);
        }
        return matches;
    }
}
