package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.ObjectLockMode;

/** S3 Object Lock retention for each archive object: a mode and a period of 1 day to 100 years. */
public record ObjectLock(ObjectLockMode mode, int days) {

    public static final int MAX_DAYS = 36_500;

    public ObjectLock {
        if (mode == null) {
            throw new IllegalArgumentException("object lock mode must not be null");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("object lock period must be 1 to " + MAX_DAYS + " days, was " + days);
        }
    }

    /** True when this lock keeps objects at least as strongly and as long as {@code other}. */
    public boolean atLeastAsStrongAs(ObjectLock other) {
        return mode.atLeastAsStrongAs(other.mode) && days >= other.days;
    }
}
