package dev.lifecycle.domain.replay;

/** A replay run: at most {@code maxBatches} failure messages, on behalf of {@code actor} (recorded in the audit trail). */
public record ReplayFailuresCommand(int maxBatches, String actor) {

    /** More than this many messages in one run would keep a caller waiting too long: run again instead. */
    public static final int MAX_BATCHES_LIMIT = 1_000;

    public ReplayFailuresCommand {
        if (maxBatches < 1 || maxBatches > MAX_BATCHES_LIMIT) {
            throw new IllegalArgumentException("maxBatches must be 1 to " + MAX_BATCHES_LIMIT + ", was " + maxBatches);
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("a replay names who runs it");
        }
    }
}
