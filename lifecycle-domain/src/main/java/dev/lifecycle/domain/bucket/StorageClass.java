package dev.lifecycle.domain.bucket;

import java.util.EnumSet;
import java.util.Set;

/**
 * The S3 storage classes a lifecycle rule can transition objects to, with S3's constraints: the
 * minimum age for a transition and which classes may follow which (the transition "waterfall").
 */
public enum StorageClass {
    STANDARD_IA(30, 30),
    INTELLIGENT_TIERING(0, 0),
    ONEZONE_IA(30, 30),
    GLACIER_IR(0, 90),
    GLACIER(0, 90),
    DEEP_ARCHIVE(0, 180);

    private final int minimumDaysBeforeTransition;
    private final int minimumStorageDays;

    StorageClass(int minimumDaysBeforeTransition, int minimumStorageDays) {
        this.minimumDaysBeforeTransition = minimumDaysBeforeTransition;
        this.minimumStorageDays = minimumStorageDays;
    }

    /** S3 refuses a transition to this class earlier than this many days after creation. */
    public int minimumDaysBeforeTransition() {
        return minimumDaysBeforeTransition;
    }

    /** S3 charges at least this many days of storage in this class (early deletion is billed). */
    public int minimumStorageDays() {
        return minimumStorageDays;
    }

    /** Objects in STANDARD_IA or ONEZONE_IA must stay 30 days before a lifecycle rule moves them on. */
    public int minimumDaysBeforeNextTransition() {
        return this == STANDARD_IA || this == ONEZONE_IA ? 30 : 0;
    }

    /** The classes S3 lifecycle rules can move an object to from this one. */
    public Set<StorageClass> supportedNextClasses() {
        return switch (this) {
            case STANDARD_IA -> EnumSet.of(INTELLIGENT_TIERING, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE);
            case INTELLIGENT_TIERING -> EnumSet.of(ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE);
            case ONEZONE_IA -> EnumSet.of(GLACIER, DEEP_ARCHIVE);
            case GLACIER_IR -> EnumSet.of(GLACIER, DEEP_ARCHIVE);
            case GLACIER -> EnumSet.of(DEEP_ARCHIVE);
            case DEEP_ARCHIVE -> EnumSet.noneOf(StorageClass.class);
        };
    }
}
