package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.item.CanonicalJson;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;

/**
 * What the archive keeps of one removed item: the full old image, its key, why and when it went,
 * which stream record said so, and which policy version archived it. {@code contentSha256} is the
 * SHA-256 of {@link #canonicalContent()}, which covers every fact taken from the stream record
 * but not the policy id and version, so that a retry under a newer policy version is still
 * recognised as the same content.
 */
public record ArchiveEntry(
        TableName table,
        ItemKey key,
        Item oldImage,
        DeletionCause cause,
        Instant deletedAt,
        String eventId,
        SequenceNumber sequenceNumber,
        PolicyId policyId,
        PolicyVersion policyVersion,
        String contentSha256) {

    public ArchiveEntry {
        requireAll(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId, policyVersion);
        if (contentSha256 == null) {
            throw new IllegalArgumentException("every field of an archive entry is required");
        }
        if (!key.identifies(oldImage)) {
            throw new IllegalArgumentException("the old image does not carry the key " + key.asAttributes());
        }
        String computed = KeyToken.sha256Hex(canonicalContent(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber));
        if (!computed.equals(contentSha256)) {
            throw new IllegalArgumentException("archive entry checksum mismatch: stated " + contentSha256
                    + ", content hashes to " + computed);
        }
    }

    /** An entry with its checksum computed. */
    public static ArchiveEntry create(TableName table, ItemKey key, Item oldImage, DeletionCause cause, Instant deletedAt,
                                      String eventId, SequenceNumber sequenceNumber, PolicyId policyId,
                                      PolicyVersion policyVersion) {
        requireAll(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId, policyVersion);
        String sha256 = KeyToken.sha256Hex(canonicalContent(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber));
        return new ArchiveEntry(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId, policyVersion, sha256);
    }

    private static void requireAll(Object... fields) {
        for (Object field : fields) {
            if (field == null || field instanceof String text && text.isBlank()) {
                throw new IllegalArgumentException("every field of an archive entry is required");
            }
        }
    }

    /** The canonical JSON the checksum covers (fields sorted, keys partition first, values in canonical DynamoDB JSON). */
    public String canonicalContent() {
        return canonicalContent(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber);
    }

    private static String canonicalContent(TableName table, ItemKey key, Item oldImage, DeletionCause cause,
                                           Instant deletedAt, String eventId, SequenceNumber sequenceNumber) {
        StringBuilder out = new StringBuilder(256);
        out.append("{\"cause\":");
        CanonicalJson.writeString(cause.name(), out);
        out.append(",\"deletedAt\":");
        CanonicalJson.writeString(deletedAt.toString(), out);
        out.append(",\"eventId\":");
        CanonicalJson.writeString(eventId, out);
        // Partition key first, then sort key: an object cannot be accepted with the two exchanged.
        out.append(",\"keys\":[");
        CanonicalJson.writeAttributes(java.util.Map.of(key.partitionKey().name(), key.partitionKey().value()), out);
        key.sortKey().ifPresent(sort -> {
            out.append(',');
            CanonicalJson.writeAttributes(java.util.Map.of(sort.name(), sort.value()), out);
        });
        out.append(']');
        out.append(",\"oldImage\":");
        CanonicalJson.writeAttributes(oldImage.attributes(), out);
        out.append(",\"sequenceNumber\":");
        CanonicalJson.writeString(sequenceNumber.canonical(), out);
        out.append(",\"table\":");
        CanonicalJson.writeString(table.value(), out);
        out.append('}');
        return out.toString();
    }
}
