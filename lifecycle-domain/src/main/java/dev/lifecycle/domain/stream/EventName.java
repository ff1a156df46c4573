package dev.lifecycle.domain.stream;

/** The kind of change a stream record describes. */
public enum EventName {
    INSERT, MODIFY, REMOVE;

    /** Parses the stream's event name, naming the bad value. */
    public static EventName parse(String value) {
        for (EventName name : values()) {
            if (name.name().equals(value)) {
                return name;
            }
        }
        throw new IllegalArgumentException("event name '" + value + "' is not one of INSERT, MODIFY, REMOVE");
    }
}
