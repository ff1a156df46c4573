package dev.lifecycle.domain.policy;

import dev.lifecycle.domain.bucket.StorageClass;

/** Archive objects move to this storage class once they are {@code afterDays} days old. */
public record StorageTier(StorageClass storageClass, int afterDays) {

    public StorageTier {
        if (storageClass == null) {
            throw new IllegalArgumentException("storage class must not be null");
        }
        if (afterDays < storageClass.minimumDaysBeforeTransition()) {
            throw new IllegalArgumentException("a transition to " + storageClass + " needs at least "
                    + storageClass.minimumDaysBeforeTransition() + " days, was " + afterDays);
        }
        if (afterDays > 36_500) {
            throw new IllegalArgumentException("afterDays must be at most 36500, was " + afterDays);
        }
    }
}
