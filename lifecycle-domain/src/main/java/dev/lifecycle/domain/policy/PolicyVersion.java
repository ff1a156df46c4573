package dev.lifecycle.domain.policy;

/** A policy's version: 1 when declared, one more with every change. */
public record PolicyVersion(long value) implements Comparable<PolicyVersion> {

    public PolicyVersion {
        if (value < 1) {
            throw new IllegalArgumentException("policy version must be at least 1, was " + value);
        }
    }

    public static PolicyVersion initial() {
        return new PolicyVersion(1);
    }

    public static PolicyVersion of(long value) {
        return new PolicyVersion(value);
    }

    public PolicyVersion next() {
        return new PolicyVersion(Math.addExact(value, 1));
    }

    @Override
    public int compareTo(PolicyVersion other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
