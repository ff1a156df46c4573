package dev.lifecycle.domain.archive;

/**
 * Writes archive objects. Implementations never overwrite an object with different content: a
 * key that holds other content is a permanent failure, the same content is {@code AlreadyStored}.
 */
public interface StoreArchivePort {

    StoreOutcome store(ArchivalDecision.Archive archive);

    /**
     * Writes a batch object, then its index. The index is written only once the batch object is
     * stored, so an index always describes an object that exists; any failure fails the whole batch
     * (every one of its records is then retried), and a retry that finds both already there with the
     * same content is {@code AlreadyStored}.
     */
    StoreOutcome storeBatch(ArchiveBatch batch);
}
