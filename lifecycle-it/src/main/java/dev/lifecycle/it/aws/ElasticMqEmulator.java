package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** SoftwareMill's ElasticMQ, an SQS-compatible server, configured by a generated file. */
record ElasticMqEmulator(EmulatorHome home) implements Emulator {

    static final String MAIN_JAR_PREFIX = "elasticmq-server_2.13-";
    private static final String MAIN_CLASS = "org.elasticmq.server.Main";

    @Override
    public String name() {
        return EmulatorHome.ELASTICMQ;
    }

    @Override
    public String description() {
        return "ElasticMQ " + home.version(EmulatorHome.ELASTICMQ, MAIN_JAR_PREFIX);
    }

    @Override
    public EmulatorProcess launch(int port, Path scratch, Path launcher, Path log) {
        Path config = scratch.resolve("elasticmq.conf");
        write(config, configuration(port));
        List<String> command = List.of(
                Emulator.java(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dconfig.file=" + config,
                "-cp", Emulator.classpath(home.folder(name()), launcher),
                EmulatorMain.class.getName(), EmulatorMain.RUN, MAIN_CLASS);
        return EmulatorProcess.launch(description(), command, Emulator.endpoint(port), log, Map.of());
    }

    /**
     * Replaces ElasticMQ's defaults (every interface, port 9324, region "elasticmq"): loopback, the
     * given port, queue URLs on that address, and the region and account the other emulators use.
     */
    private static String configuration(int port) {
        return """
                include classpath("application.conf")

                node-address {
                  protocol = http
                  host = "%1$s"
                  port = %2$d
                  context-path = ""
                }
                rest-sqs {
                  enabled = true
                  bind-hostname = "%1$s"
                  bind-port = %2$d
                  sqs-limits = strict
                }
                rest-stats {
                  enabled = false
                }
                aws {
                  region = "%3$s"
                  accountId = "%4$s"
                }
                """.formatted(HOST, port, LocalAws.EMULATOR_REGION.id(), LocalAws.EMULATOR_ACCOUNT);
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
