package dev.lifecycle.domain.hold;

/** Where a legal hold is. */
public enum HoldState {
    /** In force: its live items do not expire and its archive objects carry an S3 legal hold. */
    ACTIVE,
    /** Released: the platform is giving the TTLs back and lifting the S3 legal holds no other hold needs. */
    RELEASING
}
