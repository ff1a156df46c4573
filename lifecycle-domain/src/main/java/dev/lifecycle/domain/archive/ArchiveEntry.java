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
 * recognised as the same content. A stated checksum is verified; {@code null} has it computed
 * (what {@link #create} does), so that the content is hashed once either way.
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
        if (!key.identifies(oldImage)) {
            throw new IllegalArgumentException("the old image does not carry the key " + key.asAttributes());
        }
        String computed = CanonicalContent.sha256Hex(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber);
        if (contentSha256 == null) {
            contentSha256 = computed;
        } else if (!computed.equals(contentSha256)) {
            throw new IllegalArgumentException("archive entry checksum mismatch: stated " + contentSha256
                    + ", content hashes to " + computed);
        }
    }

    /** An entry with its checksum computed. */
    public static ArchiveEntry create(TableName table, ItemKey key, Item oldImage, DeletionCause cause, Instant deletedAt,
                                      String eventId, SequenceNumber sequenceNumber, PolicyId policyId,
                                      PolicyVersion policyVersion) {
        return new ArchiveEntry(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, policyId, policyVersion, null);
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
        StringBuilder out = new StringBuilder(256);
        CanonicalContent.write(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, out);
        return out.toString();
    }

    /** Writes and hashes the canonical content, reusing one buffer per thread: it runs once per archived record. */
    private static final class CanonicalContent {
        private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(4096));
        private static final int KEEP_AT_MOST = 1 << 20;

        static String sha256Hex(TableName table, ItemKey key, Item oldImage, DeletionCause cause, Instant deletedAt,
                                String eventId, SequenceNumber sequenceNumber) {
            StringBuilder out = BUFFER.get();
            out.setLength(0);
            write(table, key, oldImage, cause, deletedAt, eventId, sequenceNumber, out);
            String hex = KeyToken.sha256Hex(out);
            if (out.capacity() > KEEP_AT_MOST) {
                BUFFER.remove();
            }
            return hex;
        }

        static void write(TableName table, ItemKey key, Item oldImage, DeletionCause cause, Instant deletedAt,
                          String eventId, SequenceNumber sequenceNumber, StringBuilder out) {
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
        }
    }
}
