package dev.lifecycle.domain.apply;

/** What kind of AWS resource a planned change touches: a table, a bucket, or the event source mapping from a table's stream to the processor. */
public enum Target {
    TABLE, BUCKET, MAPPING
}
