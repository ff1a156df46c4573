package dev.lifecycle.domain.hold;

import java.util.regex.Pattern;

/** A legal hold's identifier: 1 to 63 lowercase letters, digits and hyphens. */
public record HoldId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public HoldId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("hold id '" + value + "' must be 1 to 63 lowercase letters, digits and '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
