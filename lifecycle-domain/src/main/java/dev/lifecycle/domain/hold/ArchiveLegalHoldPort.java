package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.archive.ArchiveLocation;

/** Puts and lifts S3 legal holds on archive objects. */
public interface ArchiveLegalHoldPort {

    /**
     * Sets the object's legal hold on or off; doing it twice is harmless.
     *
     * @throws LegalHoldUnsupportedException when the bucket has no object lock, so no legal hold is possible
     */
    void setLegalHold(ArchiveLocation location, boolean on);
}
