package dev.lifecycle.domain.policy;

/**
 * How a policy's removals become archive objects. {@link #PER_ITEM} (the default) writes one JSON
 * object per removal: simplest to read with any tool, but a PUT per removal, and S3 never moves
 * objects under 128 KiB to colder tiers. {@link #BATCHED} writes one gzip-compressed NDJSON object
 * per Lambda batch and (day, cause), with an index object beside it that says where each entry is.
 */
public enum ArchiveLayout {
    PER_ITEM("one JSON object per removal"),
    BATCHED("one compressed NDJSON object per Lambda batch and (day, cause), with an index beside it");

    private final String description;

    ArchiveLayout(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
