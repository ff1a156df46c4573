package dev.lifecycle.domain.restore;

import java.util.regex.Pattern;

/** A restore job's identifier: 1 to 64 lowercase letters, digits and hyphens. */
public record RestoreJobId(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public RestoreJobId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("restore job id '" + value + "' must be 1 to 64 lowercase letters, digits and '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
