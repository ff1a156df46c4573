package dev.lifecycle.domain.table;

/** DynamoDB's TimeToLiveStatus. */
public enum TtlStatus {
    ENABLING, ENABLED, DISABLING, DISABLED
}
