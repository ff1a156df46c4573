package dev.lifecycle.domain.mapping;

/**
 * An event source mapping as Lambda reports it: its id (Lambda's UUID), the stream it reads, the
 * function it invokes (an ARN, qualified with an alias or version or not), its state and settings.
 */
public record StreamMapping(String id, String streamArn, String functionArn, MappingState state, MappingSettings settings) {

    public StreamMapping {
        requireText("id", id);
        requireText("streamArn", streamArn);
        requireText("functionArn", functionArn);
        if (state == null || settings == null) {
            throw new IllegalArgumentException("a mapping needs a state and settings, was " + state + ", " + settings);
        }
    }

    /** One line for plans: id, state, stream, function. */
    public String describe() {
        return "mapping " + id + " (" + state + ") from " + streamArn + " to " + functionArn;
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a mapping needs a non-blank " + field + ", was '" + value + "'");
        }
    }
}
