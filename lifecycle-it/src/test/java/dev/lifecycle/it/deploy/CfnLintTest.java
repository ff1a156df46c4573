package dev.lifecycle.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * AWS's own linter over the deployment template (resource schemas, SAM's transform, IAM syntax), where cfn-lint is
 * installed ({@code pip install cfn-lint}). The build does not fetch it; DeploymentTemplateTest checks the product's
 * promises everywhere.
 */
class CfnLintTest {

    @Test
    void template_passesCfnLint() throws IOException, InterruptedException {
        Optional<Path> cfnLint = onPath("cfn-lint");
        Assumptions.assumeTrue(cfnLint.isPresent(), "cfn-lint is not on the PATH: skipped (pip install cfn-lint to run it)");
        Process lint = new ProcessBuilder(cfnLint.get().toString(), "--", DeploymentTemplateTest.TEMPLATE.toString())
                .redirectErrorStream(true).start();
        boolean ended = lint.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            lint.destroyForcibly();
        }
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("cfn-lint ended within 120 s").isTrue();
        System.out.println("[deploy] cfn-lint " + DeploymentTemplateTest.TEMPLATE + ": exit " + lint.exitValue()
                + (output.isBlank() ? ", no findings" : "\n" + output));
        assertThat(lint.exitValue()).as("cfn-lint findings:\n" + output).isZero();
    }

    private static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator)).map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable).findFirst();
    }
}
