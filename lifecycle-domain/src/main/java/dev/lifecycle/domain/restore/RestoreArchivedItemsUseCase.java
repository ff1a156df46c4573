package dev.lifecycle.domain.restore;

import dev.lifecycle.domain.table.TableName;
import java.util.List;
import java.util.Optional;

/** Puts archived items back into a live table, as a job that reports progress and an outcome per item. */
public interface RestoreArchivedItemsUseCase {

    /**
     * Checks the request, queues the job and returns it at once; the job runs in the background.
     *
     * @throws dev.lifecycle.domain.policy.TableNotGovernedException when no policy governs the table
     * @throws dev.lifecycle.domain.table.TableNotFoundException when the target table does not exist
     * @throws RestoreTargetMismatchException when the target table's key schema is not the archive's
     * @throws dev.lifecycle.domain.retrieve.NotAnArchiveObjectException when a listed object is not the table's
     */
    RestoreJob start(RestoreCommand command);

    Optional<RestoreJob> job(RestoreJobId id);

    /** The most recent jobs, newest first. */
    List<RestoreJob> recent(int limit);

    /**
     * A restore request: from the archive of {@code table}, into {@code target} (the same table
     * when empty), treating the TTL attribute as {@code ttl} says. A dry run writes nothing and
     * reports what it would do.
     */
    record RestoreCommand(TableName table, RestoreSelection selection, Optional<TableName> target, TtlChoice ttl,
                          boolean dryRun, String actor) {
        public RestoreCommand {
            if (table == null || selection == null || target == null || ttl == null) {
                throw new IllegalArgumentException("a restore needs table, selection, target (Optional.empty() for the same table) and TTL choice");
            }
            if (actor == null || actor.isBlank()) {
                throw new IllegalArgumentException("a restore names who asked for it");
            }
        }

        public TableName targetTable() {
            return target.orElse(table);
        }
    }
}
