package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ArchiveLocation;

/** No archive object exists at the location asked for. */
public class ArchiveEntryNotFoundException extends RuntimeException {

    private final ArchiveLocation location;

    public ArchiveEntryNotFoundException(ArchiveLocation location) {
        super("no archive object at " + location);
        this.location = location;
    }

    public ArchiveLocation location() {
        return location;
    }
}
