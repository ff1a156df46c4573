package dev.lifecycle.adapters.aws.stream;

// The handler then fails the whole batch, so Lambda retries it rather than checkpointing past
// records nobody archived.
/** A stream event whose records cannot be reported one by one (malformed JSON, a record without sequence number). */
public class StreamEventDecodingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StreamEventDecodingException(String message) {
        super(message);
    }

    public StreamEventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
