package dev.lifecycle.domain.restore;

/** Where a restore job is. */
public enum RestoreJobState {
    /** Accepted; waits for the jobs before it. */
    QUEUED,
    /** Restoring. */
    RUNNING,
    /** Every selected item has an outcome (some may have failed: see the counts). */
    COMPLETED,
    /** Stopped before every item had an outcome, because the archive could not be listed or read; the reason says why. */
    ABORTED;

    public boolean finished() {
        return this == COMPLETED || this == ABORTED;
    }
}
