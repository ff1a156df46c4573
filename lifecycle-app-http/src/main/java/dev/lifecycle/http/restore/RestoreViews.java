package dev.lifecycle.http.restore;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.restore.ItemOutcome;
import dev.lifecycle.domain.restore.RestoreCounts;
import dev.lifecycle.domain.restore.RestoreJob;
import dev.lifecycle.domain.restore.RestoreSelection;
import dev.lifecycle.domain.restore.RestoreSkipReason;
import dev.lifecycle.http.archive.ItemJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Restore jobs as the API shows them. */
public final class RestoreViews {

    private RestoreViews() {
    }

    /** How many items the job has dealt with, by outcome. */
    public record Counts(int restored, int wouldRestore, Map<String, Integer> skipped, int failed, int total) {

        static Counts of(RestoreCounts counts) {
            Map<String, Integer> skipped = new LinkedHashMap<>();
            for (RestoreSkipReason reason : RestoreSkipReason.values()) {
                skipped.put(reason.name(), counts.skipped().getOrDefault(reason, 0));
            }
            return new Counts(counts.restored(), counts.wouldRestore(), skipped, counts.failed(), counts.total());
        }
    }

    /** What became of one item. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            @Schema(description = "RESTORED, WOULD_RESTORE (dry run), SKIPPED or FAILED") String status,
            @Schema(type = SchemaType.OBJECT, description = "The item's key in DynamoDB JSON, when known") @JsonRawValue String key,
            @Schema(description = "The archive object restored from, or considered") String objectKey,
            @Schema(description = "Why it was skipped: NEWER_LIVE_ITEM, ALREADY_RESTORED, EXPIRED, NOT_ARCHIVED, SUPERSEDED")
            String reason,
            String detail) {

        static Outcome of(ItemOutcome outcome) {
            String key = outcome.key().map(ItemJson::write).orElse(null);
            String objectKey = outcome.archive().map(ObjectKey::value).orElse(null);
            if (outcome instanceof ItemOutcome.Restored) {
                return new Outcome("RESTORED", key, objectKey, null, null);
            }
            if (outcome instanceof ItemOutcome.WouldRestore) {
                return new Outcome("WOULD_RESTORE", key, objectKey, null, null);
            }
            if (outcome instanceof ItemOutcome.Skipped skipped) {
                return new Outcome("SKIPPED", key, objectKey, skipped.reason().name(), skipped.detail());
            }
            return new Outcome("FAILED", key, objectKey, null, ((ItemOutcome.Failed) outcome).reason());
        }
    }

    /** A restore job: its request, where it is, and (in the full view) each item's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Job(String id, String table, String targetTable, String policyId,
                      @Schema(description = "QUEUED, RUNNING, COMPLETED or ABORTED") String state,
                      @Schema(description = "objects, keys or deletedBetween") String selection, String ttl, boolean dryRun,
                      String requestedBy, Instant createdAt, Instant startedAt, Instant finishedAt, Counts counts,
                      @Schema(description = "Why the job stopped early (ABORTED only)") String abortReason,
                      @Schema(description = "Each item's outcome (the first 10,000); absent in job lists") List<Outcome> outcomes,
                      @Schema(description = "Outcomes beyond the first 10,000, counted but not listed") Long outcomesDropped) {

        static Job of(RestoreJob job, boolean withOutcomes) {
            RestoreSelection selection = job.command().selection();
            String kind = selection instanceof RestoreSelection.ArchiveObjects ? "objects"
                    : selection instanceof RestoreSelection.ItemKeys ? "keys" : "deletedBetween";
            return new Job(job.id().value(), job.command().table().value(), job.command().targetTable().value(),
                    job.policyId().value(), job.state().name(), kind, job.command().ttl().name(), job.command().dryRun(),
                    job.command().actor(), job.createdAt(), job.startedAt().orElse(null), job.finishedAt().orElse(null),
                    Counts.of(job.counts()), job.abortReason().orElse(null),
                    withOutcomes ? job.outcomes().stream().map(Outcome::of).toList() : null,
                    withOutcomes ? job.outcomesDropped() : null);
        }
    }

    /** Recent restore jobs, newest first, without their outcomes. */
    public record Jobs(List<Job> jobs) {
    }
}
