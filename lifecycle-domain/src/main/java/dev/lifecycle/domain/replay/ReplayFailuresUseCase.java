package dev.lifecycle.domain.replay;

/**
 * Reads the failure queue, reads each failed batch's records again from the stream and archives
 * them as the stream processor does; reports what was recovered, what failed again and what had
 * aged out of the stream and is lost.
 */
public interface ReplayFailuresUseCase {

    ReplayReport replay(ReplayFailuresCommand command);
}
