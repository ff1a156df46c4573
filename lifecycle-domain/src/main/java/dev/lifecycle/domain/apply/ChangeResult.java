package dev.lifecycle.domain.apply;

/** What apply did with one planned change, and in words why or what came of it. */
public record ChangeResult(PlannedChange change, ChangeStatus status, String detail) {

    public ChangeResult {
        if (change == null || status == null) {
            throw new IllegalArgumentException("a change result needs the change and a status");
        }
        if (detail == null || detail.isBlank()) {
            throw new IllegalArgumentException("a change result explains itself: detail must not be blank");
        }
    }
}
