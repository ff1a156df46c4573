package dev.lifecycle.http.archive;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.archive.ArchivedObject;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The archive as the API shows it: DynamoDB JSON for keys and images, ISO-8601 for times. */
public final class ArchiveViews {

    private ArchiveViews() {
    }

    /** One archive object, as its key names it. */
    public record ObjectView(
            @Schema(description = "The S3 object key; give it to GET .../archives/object or to a restore")
            String objectKey,
            @Schema(description = "UTC day of the deletion") String day,
            @Schema(description = "The item's key token in the object key") String keyToken,
            @Schema(description = "The item's key in DynamoDB JSON; null for a shortened (H-) token, whose key is in the object",
                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
            @JsonRawValue String key,
            String sequenceNumber) {

        static ObjectView of(ArchivedObject object) {
            return new ObjectView(object.objectKey().value(), object.day().toString(), object.keyToken(),
                    object.itemKey().map(ItemJson::write).orElse(null), object.sequenceNumber().canonical());
        }
    }

    /** One page of a day's archive objects. */
    public record DayListing(String table, String day, List<ObjectView> objects,
                             @Schema(description = "Give as `after` for the next page; absent on the last") String next) {

        static DayListing of(BrowseArchivesUseCase.ArchiveListing listing) {
            return new DayListing(listing.table().value(), listing.day().toString(),
                    listing.objects().stream().map(ObjectView::of).toList(), listing.nextPageToken().orElse(null));
        }
    }

    /** An item's archive objects in a range of days. */
    public record ItemListing(String table,
                              @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
                              @JsonRawValue String key, String from, String to, List<ObjectView> objects,
                              @Schema(description = "More than 1,000 objects matched; narrow the range") boolean truncated) {

        static ItemListing of(BrowseArchivesUseCase.ItemArchives archives, String from, String to) {
            return new ItemListing(archives.table().value(), ItemJson.write(archives.key()), from, to,
                    archives.objects().stream().map(ObjectView::of).toList(), archives.truncated());
        }
    }

    /** One archive entry, whole. */
    public record EntryView(String objectKey, String table,
                            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
                            @JsonRawValue String key,
                            @Schema(description = "TTL, EXPIRED or USER") String cause, String deletedAt, String eventId,
                            String sequenceNumber, String policyId, long policyVersion,
                            @Schema(description = "SHA-256 of the canonical content (docs/archive-format.md)") String contentSha256,
                            @Schema(description = "The item as it was when deleted, in DynamoDB JSON",
                                    type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)
                            @JsonRawValue String oldImage) {

        static EntryView of(ObjectKey objectKey, ArchiveEntry entry) {
            return new EntryView(objectKey.value(), entry.table().value(), ItemJson.write(entry.key()), entry.cause().name(),
                    entry.deletedAt().toString(), entry.eventId(), entry.sequenceNumber().canonical(), entry.policyId().value(),
                    entry.policyVersion().value(), entry.contentSha256(), ItemJson.write(entry.oldImage()));
        }
    }
}
