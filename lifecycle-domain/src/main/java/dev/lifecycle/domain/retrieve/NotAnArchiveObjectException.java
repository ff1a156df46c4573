package dev.lifecycle.domain.retrieve;

import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.table.TableName;

/** The object key is not an archive object of the table: outside its prefix, or not named as the platform names them. */
public class NotAnArchiveObjectException extends RuntimeException {

    private final ObjectKey objectKey;

    public NotAnArchiveObjectException(TableName table, ObjectKey objectKey, String expectedPrefix) {
        super("'" + objectKey + "' is not an archive object of table '" + table + "' (they are named "
                + expectedPrefix + "<yyyy>/<MM>/<dd>/<key token>/<sequence number>.json)");
        this.objectKey = objectKey;
    }

    public ObjectKey objectKey() {
        return objectKey;
    }
}
