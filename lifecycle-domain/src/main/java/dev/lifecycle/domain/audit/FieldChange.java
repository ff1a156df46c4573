package dev.lifecycle.domain.audit;

/** One field that changed: its value before and after (null where absent). */
public record FieldChange(String field, String before, String after) {

    public FieldChange {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a field change names the field");
        }
    }
}
