package dev.lifecycle.domain.failure;

/**
 * A service the platform depends on (DynamoDB, S3, SQS...) failed. Adapters raise it in place of
 * SDK exceptions, so that none crosses a port: throttling, timeouts and server errors are
 * retryable; everything else (access denied, validation, missing resources) is permanent.
 */
public class DependencyFailureException extends RuntimeException {

    private final String service;
    private final boolean retryable;

    public DependencyFailureException(String service, boolean retryable, String message, Throwable cause) {
        super(service + (retryable ? " (retryable): " : " (permanent): ") + message, cause);
        this.service = service;
        this.retryable = retryable;
    }

    public String service() {
        return service;
    }

    public boolean retryable() {
        return retryable;
    }
}
