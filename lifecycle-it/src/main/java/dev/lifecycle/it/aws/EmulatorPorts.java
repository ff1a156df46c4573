package dev.lifecycle.it.aws;

/**
 * The loopback ports the embedded emulators listen on: {@code 0} means any free port (what tests
 * use, so that runs never clash); a fixed port is what the local platform documents for curl.
 */
public record EmulatorPorts(int dynamoDb, int s3, int sqs) {

    /** Each emulator on a port free at start-up, retried on another if taken meanwhile. */
    public static final EmulatorPorts FREE = new EmulatorPorts(0, 0, 0);

    public EmulatorPorts {
        check("dynamoDb", dynamoDb);
        check("s3", s3);
        check("sqs", sqs);
    }

    private static void check(String field, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(field + " port must be 0 (any free port) or 1 to 65535, was " + port);
        }
    }
}
