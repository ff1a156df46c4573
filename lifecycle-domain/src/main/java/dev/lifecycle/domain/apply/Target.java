package dev.lifecycle.domain.apply;

/** What kind of AWS resource a planned change touches. */
public enum Target {
    TABLE, BUCKET
}
