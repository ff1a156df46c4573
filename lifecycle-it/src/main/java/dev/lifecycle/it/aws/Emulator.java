package dev.lifecycle.it.aws;

import java.io.File;
import java.net.URI;
import java.nio.file.Path;

/** One emulator the embedded target runs as its own JVM, bound to the loopback interface. */
interface Emulator {

    /** Every emulator listens on this address only: nothing on the network can reach it. */
    String HOST = "127.0.0.1";

    /** Short name, used for its log file: {@code dynamodb-local}, {@code s3mock}, {@code elasticmq}. */
    String name();

    /** Product and version, for logs: {@code DynamoDB Local 2.6.1}. */
    String description();

    /**
     * Starts the emulator listening on {@code port}.
     *
     * @param scratch a private folder for its data and generated files, deleted after it stops
     * @param launcher the folder holding {@link EmulatorMain}'s class file, for the class path
     * @param log the file its output goes to
     */
    EmulatorProcess launch(int port, Path scratch, Path launcher, Path log);

    static URI endpoint(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    /** The {@code java} of the JDK running the harness, whatever {@code java} is on the PATH. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** A class path of every jar in {@code jars} (a wildcard entry) followed by {@code folders}. */
    static String classpath(Path jars, Path... folders) {
        StringBuilder classpath = new StringBuilder(jars + File.separator + "*");
        for (Path folder : folders) {
            classpath.append(File.pathSeparator).append(folder);
        }
        return classpath.toString();
    }
}
