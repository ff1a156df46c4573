package dev.lifecycle.domain.restore;

/** Why a restore left an item alone. */
public enum RestoreSkipReason {
    /** A live item with this key was written after the deletion: it is newer, never overwritten. */
    NEWER_LIVE_ITEM,
    /** The live item is the archived one (ignoring its TTL): restored before. */
    ALREADY_RESTORED,
    /** The kept TTL has passed: DynamoDB would delete the item again at once. */
    EXPIRED,
    /** Nothing is archived for the key in the days searched, or no object exists at the key given. */
    NOT_ARCHIVED,
    /** A later archive of the same item was chosen instead. */
    SUPERSEDED;

    static RestoreSkipReason of(RestorePlan.Reason reason) {
        switch (reason) {
            case NEWER_LIVE_ITEM:
                return NEWER_LIVE_ITEM;
            case ALREADY_RESTORED:
                return ALREADY_RESTORED;
            case EXPIRED:
                return EXPIRED;
            default:
                throw new IllegalStateException("unknown restore plan reason " + reason);
        }
    }
}
