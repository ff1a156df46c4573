package dev.lifecycle.adapters.aws.archive;

/** An archive object whose content no longer hashes to the {@code contentSha256} it states: altered or damaged. */
public class ArchiveChecksumMismatchException extends UnreadableArchiveObjectException {

    private static final long serialVersionUID = 1L;

    private final String stated;
    private final String computed;

    public ArchiveChecksumMismatchException(String objectName, String stated, String computed) {
        super(objectName, "content does not match its checksum: contentSha256 states " + stated
                + " but the content hashes to " + computed + " (altered or damaged since it was written)");
        this.stated = stated;
        this.computed = computed;
    }

    public String stated() {
        return stated;
    }

    public String computed() {
        return computed;
    }
}
