package dev.lifecycle.domain.mapping;

/** Lambda's state of an event source mapping; OTHER for one this platform does not know. */
public enum MappingState {
    CREATING, ENABLING, ENABLED, UPDATING, DISABLING, DISABLED, DELETING, OTHER;

    /** Whether the mapping reads its stream now or is about to: CREATING, ENABLING, ENABLED or UPDATING. */
    public boolean reading() {
        return this == CREATING || this == ENABLING || this == ENABLED || this == UPDATING;
    }
}
