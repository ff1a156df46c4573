package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.policy.KeyFilter;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.StreamViewType;
import java.util.Set;

/** Why a change record is not archived. */
public sealed interface SkipReason {

    /** A sentence for logs and the ledger. */
    String describe();

    /** INSERT and MODIFY records remove nothing. */
    record NotARemoval(EventName eventName) implements SkipReason {
        @Override
        public String describe() {
            return eventName + " is not a removal";
        }
    }

    /** The policy does not archive removals of this cause. */
    record CauseNotArchived(DeletionCause cause, Set<DeletionCause> archived) implements SkipReason {
        public CauseNotArchived {
            archived = Set.copyOf(archived);
        }

        @Override
        public String describe() {
            return "cause " + cause + " is not archived by the policy (it archives " + archived + ")";
        }
    }

    /** The item's partition key lies outside the policy's key filter. */
    record KeyOutsideFilter(KeyFilter filter) implements SkipReason {
        @Override
        public String describe() {
            return "partition key does not start with '" + filter.partitionKeyPrefix() + "'";
        }
    }

    /** The stream does not carry old images, so there is nothing to archive: fix the stream view type. */
    record NoOldImage(StreamViewType viewType) implements SkipReason {
        @Override
        public String describe() {
            return "the record has no old image (stream view type " + viewType
                    + "); the table's stream must be NEW_AND_OLD_IMAGES or OLD_IMAGE";
        }
    }
}
