package dev.lifecycle.domain.mapping;

import java.util.List;

/**
 * Reads and changes Lambda event source mappings from DynamoDB streams. Every method throws
 * {@code DependencyFailureException} when Lambda refuses or fails.
 */
public interface StreamMappingPort {

    /** Every mapping that reads this stream, whatever function it invokes. */
    List<StreamMapping> onStream(String streamArn);

    /** Every mapping that invokes this function ARN exactly (the same qualifier), whatever stream it reads. */
    List<StreamMapping> ofFunction(String functionArn);

    /** Creates an enabled mapping that starts at the oldest record still in the stream (TRIM_HORIZON). */
    StreamMapping create(String streamArn, String functionArn, MappingSettings settings);

    /** Sets the mapping's function, settings and enabled state. */
    StreamMapping update(String id, String functionArn, MappingSettings settings, boolean enabled);

    /** Deletes the mapping; it stops reading its stream. */
    void delete(String id);
}
