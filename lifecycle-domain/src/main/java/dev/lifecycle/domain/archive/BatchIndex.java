package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.stream.DeletionCause;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.List;

/**
 * What a batch's index object says: which batch object it describes, and for each entry its item's
 * key token, its sequence number, its content checksum and its slot, the compressed block that
 * holds it. Reading one entry then costs the index and one ranged read of a block, not the object.
 */
public record BatchIndex(ObjectKey data, TableName table, LocalDate day, DeletionCause cause, String contentSha256,
                         List<Entry> entries) {

    public BatchIndex {
        if (data == null || table == null || day == null || cause == null || contentSha256 == null || entries == null) {
            throw new IllegalArgumentException("a batch index needs its object, table, day, cause, checksum and entries");
        }
        entries = List.copyOf(entries);
    }

    /** The checksum the entries make (see {@link ArchiveBatch#contentSha256()}): equal to {@code contentSha256} in a sound index. */
    public String entriesChecksum() {
        StringBuilder lines = new StringBuilder(entries.size() * 65);
        for (Entry entry : entries) {
            lines.append(entry.contentSha256()).append('\n');
        }
        return KeyToken.sha256Hex(lines);
    }

    /** One entry of the batch. */
    public record Entry(String keyToken, SequenceNumber sequenceNumber, String contentSha256, Slot slot) {
        public Entry {
            if (keyToken == null || keyToken.isEmpty() || sequenceNumber == null || contentSha256 == null || slot == null) {
                throw new IllegalArgumentException("an index entry needs key token, sequence number, checksum and slot");
            }
        }
    }

    /**
     * Where an entry's line is: the compressed block at {@code offset} of {@code length} bytes in
     * the batch object (a gzip member of its own), and the line's number in that block from 0.
     */
    public record Slot(long offset, int length, int line) {
        public Slot {
            if (offset < 0 || length < 1 || line < 0) {
                throw new IllegalArgumentException("a slot has offset >= 0, length >= 1 and line >= 0");
            }
        }
    }
}
