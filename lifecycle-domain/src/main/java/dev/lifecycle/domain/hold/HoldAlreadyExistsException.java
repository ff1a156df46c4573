package dev.lifecycle.domain.hold;

/** A hold with this id exists already (active, or released and still being cleaned up). */
public class HoldAlreadyExistsException extends RuntimeException {

    private final HoldId id;

    public HoldAlreadyExistsException(HoldId id) {
        super("hold '" + id + "' already exists");
        this.id = id;
    }

    public HoldId id() {
        return id;
    }
}
