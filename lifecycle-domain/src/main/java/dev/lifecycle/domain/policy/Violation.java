package dev.lifecycle.domain.policy;

/** One problem with a policy: the field (a JSON-style path such as {@code tiers[1].afterDays}) and why. */
public record Violation(String field, String reason) {

    public Violation {
        if (field == null || field.isEmpty() || reason == null || reason.isEmpty()) {
            throw new IllegalArgumentException("a violation names a field and a reason");
        }
    }

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
