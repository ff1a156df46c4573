package dev.lifecycle.domain.cost;

/** How removals become archive objects: the one the platform writes today, and the batched one issue 6 plans. */
public enum ArchiveLayout {
    PER_ITEM(true, "one JSON object per removal (the archive format today)"),
    BATCHED(false, "one compressed NDJSON object per Lambda batch and (day, cause) partition: not available yet (issue 6)");

    private final boolean available;
    private final String description;

    ArchiveLayout(boolean available, String description) {
        this.available = available;
        this.description = description;
    }

    /** Whether the platform can archive this way today. */
    public boolean available() {
        return available;
    }

    public String description() {
        return description;
    }
}
