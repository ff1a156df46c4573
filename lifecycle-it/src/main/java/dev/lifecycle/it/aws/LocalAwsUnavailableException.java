package dev.lifecycle.it.aws;

/**
 * The chosen target cannot run on this machine for a reason outside the code under test (no
 * Docker engine for LocalStack). Test extensions turn it into a skipped test, not a failure.
 */
public final class LocalAwsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalAwsUnavailableException(String message) {
        super(message);
    }
}
