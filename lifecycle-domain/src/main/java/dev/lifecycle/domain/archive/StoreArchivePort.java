package dev.lifecycle.domain.archive;

/**
 * Writes archive objects. Implementations never overwrite an object with different content: a
 * key that holds other content is a permanent failure, the same content is {@code AlreadyStored}.
 */
public interface StoreArchivePort {

    StoreOutcome store(ArchivalDecision.Archive archive);
}
