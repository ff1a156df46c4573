package dev.lifecycle.domain.apply;

/** The result of comparing a policy with AWS: nothing differs, something differs, or the comparison failed. */
public enum DriftState {
    IN_SYNC, DRIFTED, UNKNOWN
}
