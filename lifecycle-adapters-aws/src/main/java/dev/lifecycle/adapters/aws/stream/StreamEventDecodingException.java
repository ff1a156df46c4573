package dev.lifecycle.adapters.aws.stream;

/**
 * A stream event that cannot be decoded well enough to report its records one by one: malformed
 * JSON, or a record without a sequence number. The handler fails the whole batch, so Lambda
 * retries it rather than checkpointing past records nobody archived.
 */
public class StreamEventDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StreamEventDecodingException(String message) {
        super(message);
    }

    public StreamEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
