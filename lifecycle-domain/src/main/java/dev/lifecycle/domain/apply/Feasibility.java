package dev.lifecycle.domain.apply;

/**
 * Whether apply can make a change: by itself, only with the caller's consent (the change cannot be
 * undone or replaces something others depend on), or not at all.
 */
public enum Feasibility {
    IN_PLACE, NEEDS_CONSENT, IMPOSSIBLE
}
