package dev.lifecycle.adapters.aws.archive;

/** An object that cannot be read as an archive entry: not JSON, another format, a missing or invalid field. */
public class UnreadableArchiveObjectException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String objectName;

    public UnreadableArchiveObjectException(String objectName, String problem) {
        this(objectName, problem, null);
    }

    public UnreadableArchiveObjectException(String objectName, String problem, Throwable cause) {
        super("archive object " + objectName + ": " + problem, cause);
        this.objectName = objectName;
    }

    /** The object as the caller named it, e.g. {@code s3://bucket/archive/orders/...json}. */
    public String objectName() {
        return objectName;
    }
}
