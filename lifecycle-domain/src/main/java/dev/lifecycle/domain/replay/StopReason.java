package dev.lifecycle.domain.replay;

/** Why a replay run stopped. */
public enum StopReason {
    /** The queue had no visible message left (messages of this run that stay on it are visible again afterwards). */
    QUEUE_EMPTY,
    /** The run handled as many messages as it was allowed: more may be waiting, run again. */
    LIMIT_REACHED,
    /** The queue handed out a message this run had already handled (its visibility timeout passed): run again later. */
    MESSAGE_SEEN_AGAIN,
    /** Receiving from the queue failed after some messages were handled; {@code warnings} says why. */
    RECEIVE_FAILED
}
