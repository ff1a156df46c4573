package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.bucket.ObjectLockMode;
import java.time.Instant;
import java.util.Optional;

/** What to do with one change record: archive it (what, where, how protected) or skip it (why). */
public sealed interface ArchivalDecision {

    /** Write {@code entry} at {@code location}; lock it until {@code retainUntil} when the policy says so. */
    record Archive(ArchiveEntry entry, ArchiveLocation location, Optional<Retention> retention) implements ArchivalDecision {
        public Archive {
            if (entry == null || location == null || retention == null) {
                throw new IllegalArgumentException("an archive decision needs entry, location and retention");
            }
        }
    }

    /** Do not archive, for this reason. */
    record Skip(SkipReason reason) implements ArchivalDecision {
        public Skip {
            if (reason == null) {
                throw new IllegalArgumentException("a skip needs a reason");
            }
        }
    }

    /** S3 Object Lock retention for one object. */
    record Retention(ObjectLockMode mode, Instant retainUntil) {
    }
}
