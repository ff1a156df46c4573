package dev.lifecycle.it.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Adobe's S3Mock, a Spring Boot application, storing objects in the scratch folder.
 *
 * <p>S3Mock has two Tomcat connectors: HTTPS on {@code server.port}, which {@code server.address}
 * binds, and plain HTTP on {@code http.port}, an extra connector that Spring Boot's properties do
 * not reach and that listens on every interface. A Spring bean definition file, loaded through
 * {@code spring.main.sources}, sets that connector's address before Tomcat binds it. The HTTPS
 * connector gets a random loopback port and is not used.
 */
record S3MockEmulator(EmulatorHome home) implements Emulator {

    static final String MAIN_JAR_PREFIX = "s3mock-";
    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.JarLauncher";

    @Override
    public String name() {
        return EmulatorHome.S3MOCK;
    }

    @Override
    public String description() {
        return "S3Mock " + home.version(EmulatorHome.S3MOCK, MAIN_JAR_PREFIX);
    }

    @Override
    public EmulatorProcess launch(int port, Path scratch, Path launcher, Path log) {
        Path root = scratch.resolve("s3mock-root");
        Path beans = scratch.resolve("s3mock-http-connector-on-loopback.xml");
        write(beans, httpConnectorAddress(HOST));
        List<String> command = List.of(
                Emulator.java(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", Emulator.classpath(home.folder(name()), launcher),
                EmulatorMain.class.getName(), EmulatorMain.RUN, SPRING_BOOT_LAUNCHER,
                "--server.address=" + HOST,
                "--server.port=0",
                "--http.port=" + port,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--com.adobe.testing.s3mock.store.region=" + LocalAws.EMULATOR_REGION.id(),
                "--spring.main.sources=" + beans.toUri(),
                "--spring.main.banner-mode=off");
        return EmulatorProcess.launch(description(), command, Emulator.endpoint(port), log, Map.of());
    }

    /** Calls {@code setProperty("address", host)} on S3Mock's {@code httpConnector} bean. */
    private static String httpConnectorAddress(String host) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <beans xmlns="http://www.springframework.org/schema/beans"
                       xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                       xsi:schemaLocation="http://www.springframework.org/schema/beans https://www.springframework.org/schema/beans/spring-beans.xsd">
                  <!-- Written by Lifecycle's test harness: bind S3Mock's plain-HTTP connector to one address. -->
                  <bean id="lifecycleHttpConnectorAddress" lazy-init="false"
                        class="org.springframework.beans.factory.config.MethodInvokingBean">
                    <property name="targetObject" ref="httpConnector"/>
                    <property name="targetMethod" value="setProperty"/>
                    <property name="arguments">
                      <list>
                        <value>address</value>
                        <value>%s</value>
                      </list>
                    </property>
                  </bean>
                </beans>
                """.formatted(host);
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
