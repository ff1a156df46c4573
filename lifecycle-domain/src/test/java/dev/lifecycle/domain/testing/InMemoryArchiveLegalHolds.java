package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.archive.ArchiveLocation;
import dev.lifecycle.domain.bucket.BucketName;
import dev.lifecycle.domain.hold.ArchiveLegalHoldPort;
import dev.lifecycle.domain.hold.LegalHoldUnsupportedException;
import java.util.HashSet;
import java.util.Set;

/** S3 legal holds in memory; a bucket can be declared to have no object lock, which refuses them like S3. */
public final class InMemoryArchiveLegalHolds implements ArchiveLegalHoldPort {

    private final Set<ArchiveLocation> held = new HashSet<>();
    private final Set<BucketName> withoutObjectLock = new HashSet<>();
    private int calls;

    @Override
    public synchronized void setLegalHold(ArchiveLocation location, boolean on) {
        calls++;
        if (withoutObjectLock.contains(location.bucket())) {
            throw new LegalHoldUnsupportedException(location.bucket(), "InvalidRequest: Bucket is missing Object Lock Configuration");
        }
        if (on) {
            held.add(location);
        } else {
            held.remove(location);
        }
    }

    public synchronized void withoutObjectLock(BucketName bucket) {
        withoutObjectLock.add(bucket);
    }

    public synchronized Set<ArchiveLocation> held() {
        return Set.copyOf(held);
    }

    public synchronized int calls() {
        return calls;
    }
}
