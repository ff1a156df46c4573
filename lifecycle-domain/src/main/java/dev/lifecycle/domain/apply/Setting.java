package dev.lifecycle.domain.apply;

/**
 * A setting of a table or bucket that a policy needs, in the order a plan lists them. STREAM also
 * covers the table's key schema, which the archive reads from every stream record. EVENT_SOURCE_MAPPING
 * comes last: the table is connected to the processor once its stream and bucket are ready.
 */
public enum Setting {
    TTL, STREAM, LIFECYCLE_RULE, OBJECT_LOCK, EVENT_SOURCE_MAPPING
}
