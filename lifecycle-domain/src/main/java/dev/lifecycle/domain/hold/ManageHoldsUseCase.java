package dev.lifecycle.domain.hold;

import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/** Places and releases legal holds, each change audited. */
public interface ManageHoldsUseCase {

    /**
     * Places a hold. A single-item hold protects the live item before this returns (its TTL is
     * removed and kept); archive objects are held in the background, and by every enforcement run.
     *
     * @throws HoldAlreadyExistsException when the id is taken
     * @throws dev.lifecycle.domain.policy.TableNotGovernedException when no policy governs the table
     */
    HoldRecord place(PlaceHoldCommand command);

    /**
     * Releases an active hold: it stops protecting at once, and the platform gives the TTLs back and
     * lifts the S3 legal holds that no other hold needs, in the background.
     *
     * @throws HoldNotFoundException when no active hold has the id
     */
    HoldRecord release(ReleaseHoldCommand command);

    Optional<HoldRecord> find(HoldId id);

    /** Every hold, active and releasing, in id order. */
    List<HoldRecord> list();

    /** A new hold on the items of {@code table} that {@code scope} covers, for a stated reason. */
    record PlaceHoldCommand(HoldId id, TableName table, HoldScope scope, String reason, String actor) {
        public PlaceHoldCommand {
            if (id == null || table == null || scope == null) {
                throw new IllegalArgumentException("a hold needs an id, a table and a scope");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a legal hold must give its reason");
            }
            if (reason.length() > 1000) {
                throw new IllegalArgumentException("the reason is " + reason.length() + " characters; at most 1000");
            }
            if (actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("a legal hold names who placed it");
            }
        }
    }

    /** The release of a hold, by {@code actor}. */
    record ReleaseHoldCommand(HoldId id, String actor) {
        public ReleaseHoldCommand {
            if (id == null || actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("a release names the hold and who released it");
            }
        }
    }
}
