package dev.lifecycle.domain.audit;

/** What an audited change did. */
public enum AuditAction {
    POLICY_DECLARED, POLICY_CHANGED, POLICY_DELETED, POLICY_APPLIED,
    HOLD_PLACED, HOLD_RELEASED,
    RESTORE_REQUESTED, ITEMS_RESTORED, FAILURES_REPLAYED
}
