package dev.lifecycle.domain.apply;

/**
 * One difference between what a policy needs and what AWS reports. {@code current} and
 * {@code desired} are short human-readable texts, e.g. "ENABLED on 'expiresAt'" / "DISABLED";
 * {@code consequence} explains in one or two sentences what applying means.
 */
public record PlannedChange(Target target, String resource, Setting setting, String current, String desired,
                            Feasibility feasibility, String consequence) {

    public PlannedChange {
        if (target == null || setting == null || feasibility == null) {
            throw new IllegalArgumentException("a planned change needs a target, a setting and a feasibility, was "
                    + target + ", " + setting + ", " + feasibility);
        }
        requireText("resource", resource);
        requireText("current", current);
        requireText("desired", desired);
        requireText("consequence", consequence);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a planned change needs a non-blank " + field + ", was '" + value + "'");
        }
    }
}
