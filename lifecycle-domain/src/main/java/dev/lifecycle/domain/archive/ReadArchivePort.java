package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.BucketName;
import java.util.List;
import java.util.Optional;

/** Browses and reads archive objects. */
public interface ReadArchivePort {

    /** The entry at a location, checksum verified; empty when there is no object there. */
    Optional<ArchiveEntry> read(ArchiveLocation location);

    /** Object keys under a key prefix, in key order, one page at a time. */
    ArchivePage list(BucketName bucket, String keyPrefix, Optional<String> continuationToken, int limit);

    /** One page of archive object keys; {@code continuationToken} is present when more follow. */
    record ArchivePage(List<ObjectKey> keys, Optional<String> continuationToken) {
        public ArchivePage {
            keys = List.copyOf(keys);
        }
    }
}
