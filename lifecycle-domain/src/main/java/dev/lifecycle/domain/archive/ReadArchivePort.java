package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.BucketName;
import java.util.List;
import java.util.Optional;

/** Browses and reads archive objects. */
public interface ReadArchivePort {

    /** The entry at a location, checksum verified; empty when there is no object there. */
    Optional<ArchiveEntry> read(ArchiveLocation location);

    /**
     * A batch's index, read back and checked; empty when there is no index there.
     *
     * @throws RuntimeException (an unreadable-object exception of the adapter) when it is not a valid index
     */
    Optional<BatchIndex> readBatchIndex(ArchiveLocation index);

    /**
     * The entry in one slot of a batch object, checksum verified, read without reading the rest of
     * the object; empty when there is no object there.
     */
    Optional<ArchiveEntry> readBatchEntry(ArchiveLocation batch, BatchIndex.Slot slot);

    /**
     * Object keys under a key prefix, in key order, one page at a time: a page starts after the key
     * {@code continuationToken} names (the last key of the page before).
     */
    ArchivePage list(BucketName bucket, String keyPrefix, Optional<String> continuationToken, int limit);

    /**
     * The "folders" right under a key prefix ending in '/': the distinct next path segments of the
     * keys under it, each as a full prefix ending in '/', in key order (S3's common prefixes with
     * delimiter '/'). Lets a search skip days that hold nothing.
     */
    List<String> listFolders(BucketName bucket, String keyPrefix);

    /** One page of archive object keys; {@code continuationToken} (its last key) is present when more follow. */
    record ArchivePage(List<ObjectKey> keys, Optional<String> continuationToken) {
        public ArchivePage {
            keys = List.copyOf(keys);
        }
    }
}
