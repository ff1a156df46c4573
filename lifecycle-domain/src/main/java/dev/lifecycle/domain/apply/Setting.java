package dev.lifecycle.domain.apply;

/**
 * A setting of a table or bucket that a policy needs, in the order a plan lists them. STREAM also
 * covers the table's key schema, which the archive reads from every stream record.
 */
public enum Setting {
    TTL, STREAM, LIFECYCLE_RULE, OBJECT_LOCK
}
