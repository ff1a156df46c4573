package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.ItemKey;
import java.util.Optional;

/** What a restore did with one item. */
public sealed interface ItemOutcome {

    /** The item's key, when known (an unreadable object's is not). */
    Optional<ItemKey> key();

    /** The archive object the outcome is about, when there is one. */
    Optional<ObjectKey> archive();

    /** Written back into the target table. */
    record Restored(ItemKey itemKey, ObjectKey archiveKey) implements ItemOutcome {
        @Override
        public Optional<ItemKey> key() {
            return Optional.of(itemKey);
        }

        @Override
        public Optional<ObjectKey> archive() {
            return Optional.of(archiveKey);
        }
    }

    /** A dry run: this item would have been written. */
    record WouldRestore(ItemKey itemKey, ObjectKey archiveKey) implements ItemOutcome {
        @Override
        public Optional<ItemKey> key() {
            return Optional.of(itemKey);
        }

        @Override
        public Optional<ObjectKey> archive() {
            return Optional.of(archiveKey);
        }
    }

    /** Left alone, for a reason. */
    record Skipped(Optional<ItemKey> key, Optional<ObjectKey> archive, RestoreSkipReason reason, String detail)
            implements ItemOutcome {
        public Skipped {
            if (key == null || archive == null || reason == null || detail == null) {
                throw new IllegalArgumentException("a skip has key, archive (Optional.empty() when unknown), reason and detail");
            }
        }
    }

    /** Not restored because something failed; restoring again may succeed. */
    record Failed(Optional<ItemKey> key, Optional<ObjectKey> archive, String reason) implements ItemOutcome {
        public Failed {
            if (key == null || archive == null || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a failure has key, archive (Optional.empty() when unknown) and a reason");
            }
        }
    }
}
