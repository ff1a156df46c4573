package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.archive.SkipReason;

/** The kind of a {@link SkipReason}, as the ledger counts it (the details of a reason are in the processor's log). */
public enum SkipKind {
    /** An INSERT or MODIFY. */
    NOT_A_REMOVAL,
    /** The policy does not archive the removal's cause: by design. */
    CAUSE_NOT_ARCHIVED,
    /** The item lies outside the policy's key filter: by design. */
    KEY_OUTSIDE_FILTER,
    /** The stream carries no old image, so there was nothing to archive: a configuration fault that loses data. */
    NO_OLD_IMAGE;

    public static SkipKind of(SkipReason reason) {
        if (reason instanceof SkipReason.NotARemoval) {
            return NOT_A_REMOVAL;
        }
        if (reason instanceof SkipReason.CauseNotArchived) {
            return CAUSE_NOT_ARCHIVED;
        }
        if (reason instanceof SkipReason.KeyOutsideFilter) {
            return KEY_OUTSIDE_FILTER;
        }
        if (reason instanceof SkipReason.NoOldImage) {
            return NO_OLD_IMAGE;
        }
        throw new IllegalArgumentException("skip reason " + reason + " has no ledger kind");
    }
}
