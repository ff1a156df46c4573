package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.bucket.StorageClass;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where S3 bills a stored byte: STANDARD (where every archive object starts), each class a
 * lifecycle rule can move it to, and Intelligent-Tiering's three automatic access tiers.
 */
public enum BillingClass {
    STANDARD,
    INTELLIGENT_TIERING_FREQUENT,
    INTELLIGENT_TIERING_INFREQUENT,
    INTELLIGENT_TIERING_ARCHIVE_INSTANT,
    STANDARD_IA,
    ONEZONE_IA,
    GLACIER_IR,
    GLACIER,
    DEEP_ARCHIVE;

    /** Classes whose objects must be restored (a temporary copy made) before they can be read. */
    public static final Set<BillingClass> ARCHIVAL = EnumSet.of(GLACIER, DEEP_ARCHIVE);

    /** The class an object enters with a transition to {@code storageClass} (Intelligent-Tiering: its frequent tier). */
    public static BillingClass enteredBy(StorageClass storageClass) {
        return switch (storageClass) {
            case STANDARD_IA -> STANDARD_IA;
            case INTELLIGENT_TIERING -> INTELLIGENT_TIERING_FREQUENT;
            case ONEZONE_IA -> ONEZONE_IA;
            case GLACIER_IR -> GLACIER_IR;
            case GLACIER -> GLACIER;
            case DEEP_ARCHIVE -> DEEP_ARCHIVE;
        };
    }

    public boolean archival() {
        return ARCHIVAL.contains(this);
    }

    public boolean intelligentTiering() {
        return this == INTELLIGENT_TIERING_FREQUENT || this == INTELLIGENT_TIERING_INFREQUENT
                || this == INTELLIGENT_TIERING_ARCHIVE_INSTANT;
    }
}
