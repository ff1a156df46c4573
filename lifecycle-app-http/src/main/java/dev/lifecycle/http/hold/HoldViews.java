package dev.lifecycle.http.hold;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.lifecycle.domain.hold.EnforceHoldsUseCase;
import dev.lifecycle.domain.hold.HoldRecord;
import dev.lifecycle.domain.hold.HoldScope;
import dev.lifecycle.http.archive.ItemJson;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Legal holds as the API shows them. */
public final class HoldViews {

    private HoldViews() {
    }

    /** One hold. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hold(String id, String table,
                       @Schema(type = SchemaType.OBJECT, description = "The held item's key (single-item holds)") @JsonRawValue String key,
                       @Schema(description = "The held partition-key prefix (prefix holds)") String partitionKeyPrefix,
                       String reason, String placedBy, Instant placedAt,
                       @Schema(description = "ACTIVE, or RELEASING while the platform gives TTLs back and lifts S3 legal holds")
                       String state,
                       @Schema(description = "Archive objects of every day up to this one carry the S3 legal hold") String archivesHeldThrough,
                       @Schema(description = "What the last enforcement run could not do") String problem,
                       Instant releasedAt, String releasedBy) {

        static Hold of(HoldRecord record) {
            HoldScope scope = record.hold().scope();
            return new Hold(record.id().value(), record.hold().table().value(),
                    scope instanceof HoldScope.SingleItem single ? ItemJson.write(single.key()) : null,
                    scope instanceof HoldScope.PartitionKeyPrefix prefix ? prefix.prefix() : null,
                    record.hold().reason(), record.hold().author(), record.hold().placedAt(), record.state().name(),
                    record.archivesHeldThrough().map(Object::toString).orElse(null), record.problem().orElse(null),
                    record.releasedAt().orElse(null), record.releasedBy().orElse(null));
        }
    }

    /** Every hold, in id order. */
    public record Holds(List<Hold> holds) {
    }

    /** What an enforcement run did. */
    public record Enforcement(int holds, int ttlsRemoved, int ttlsRestored, int archiveObjectsHeld, int archiveObjectsReleased,
                              int holdsCleanedUp, List<String> problems) {

        static Enforcement of(EnforceHoldsUseCase.EnforcementReport report) {
            return new Enforcement(report.holds(), report.ttlsRemoved(), report.ttlsRestored(), report.archiveObjectsHeld(),
                    report.archiveObjectsReleased(), report.holdsCleanedUp(), report.problems());
        }
    }
}
