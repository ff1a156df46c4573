package dev.lifecycle.domain.apply;

/**
 * What apply did with one planned change: made it; left it because it needs consent that was not
 * given; was told to wait (DynamoDB's one TTL change per hour, or a TTL change still in progress);
 * left it because it cannot be made; or AWS refused or failed.
 */
public enum ChangeStatus {
    APPLIED, NOT_ALLOWED, RATE_LIMITED, IMPOSSIBLE, FAILED
}
