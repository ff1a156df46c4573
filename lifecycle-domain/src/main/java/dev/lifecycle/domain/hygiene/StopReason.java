package dev.lifecycle.domain.hygiene;

/** Why an audit stopped before the end of the table. */
public enum StopReason {
    /** It read as many items as it may in one run. */
    ITEM_LIMIT,
    /** Its time budget ran out. */
    TIME_BUDGET,
    /** The application asked it to stop (shutting down). */
    INTERRUPTED
}
