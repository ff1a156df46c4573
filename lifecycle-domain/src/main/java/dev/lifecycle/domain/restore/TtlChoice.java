package dev.lifecycle.domain.restore;

/** What a restore does with the archived item's TTL attribute. */
public enum TtlChoice {
    /** Keep it; an item whose TTL has passed is then skipped, since DynamoDB would delete it again. */
    KEEP_ORIGINAL,
    /** Set it to now plus the policy's retention. */
    RESET_FROM_POLICY,
    /** Remove it: the restored item never expires. */
    REMOVE
}
