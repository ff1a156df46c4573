package dev.lifecycle.domain.hold;

/** No active hold has the id asked for. */
public class HoldNotFoundException extends RuntimeException {

    private final HoldId id;

    public HoldNotFoundException(HoldId id) {
        super("no active hold '" + id + "'");
        this.id = id;
    }

    public HoldId id() {
        return id;
    }
}
