package dev.lifecycle.domain.archive;

import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.stream.SequenceNumber;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What an archive object's key alone says about it: the day of the deletion, the item's key token
 * (and the key itself unless the token is a shortened {@code H-} one), and the stream record's
 * sequence number. Listing needs no object read.
 */
public record ArchivedObject(ObjectKey objectKey, LocalDate day, String keyToken, Optional<ItemKey> itemKey,
                             SequenceNumber sequenceNumber) {

    public ArchivedObject {
        if (objectKey == null || day == null || keyToken == null || keyToken.isEmpty() || itemKey == null
                || sequenceNumber == null) {
            throw new IllegalArgumentException("an archived object needs its key, day, key token, item key and sequence number");
        }
    }
}
