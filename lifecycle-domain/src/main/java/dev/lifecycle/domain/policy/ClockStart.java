package dev.lifecycle.domain.policy;

/** The moment an item's retention is counted from. */
public enum ClockStart {
    /** When the item was first written. */
    CREATION,
    /** When the item was last written: every write pushes the expiry out. */
    LAST_MODIFICATION,
    /** A moment the application chooses (an order shipped, a contract ended). */
    BUSINESS_EVENT
}
