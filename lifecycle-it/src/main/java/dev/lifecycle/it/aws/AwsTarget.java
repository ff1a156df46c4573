package dev.lifecycle.it.aws;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where {@link LocalAws#start()} finds AWS: chosen by the system property {@value #PROPERTY}. */
public enum AwsTarget {
    /** DynamoDB Local, S3Mock and ElasticMQ as separate processes on loopback: needs only a JDK. The default. */
    EMBEDDED,
    /** Endpoints given on the command line: moto, a LocalStack you run yourself, or a real account. */
    ENDPOINTS,
    /** LocalStack in Docker, through Testcontainers: skipped where no Docker engine runs. */
    LOCALSTACK;

    public static final String PROPERTY = "lifecycle.aws.target";

    /** The target named by {@value #PROPERTY}, {@link #EMBEDDED} when it is not set. */
    public static AwsTarget fromSystemProperties() {
        String value = System.getProperty(PROPERTY, "");
        return value.isBlank() ? EMBEDDED : parse(value);
    }

    public static AwsTarget parse(String value) {
        String wanted = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(target -> target.name().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a target; use one of "
                        + Arrays.stream(values()).map(AwsTarget::id).collect(Collectors.joining(", "))));
    }

    /** The lower-case name used on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
