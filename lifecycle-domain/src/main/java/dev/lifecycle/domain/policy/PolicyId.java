package dev.lifecycle.domain.policy;

import java.util.regex.Pattern;

/** A policy's identifier: 1 to 63 lowercase letters, digits and hyphens, starting with a letter or digit. */
public record PolicyId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public PolicyId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("policy id '" + value
                    + "' must be 1 to 63 lowercase letters, digits and '-', starting with a letter or digit");
        }
    }

    public static PolicyId of(String value) {
        return new PolicyId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
