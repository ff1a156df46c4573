package dev.lifecycle.domain.bucket;

/** S3 Object Lock retention modes; COMPLIANCE is the stronger (nobody can shorten or remove it). */
public enum ObjectLockMode {
    GOVERNANCE, COMPLIANCE;

    public boolean atLeastAsStrongAs(ObjectLockMode other) {
        return this.ordinal() >= other.ordinal();
    }
}
