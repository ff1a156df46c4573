package dev.lifecycle.domain.stream;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.KeyValue;
import dev.lifecycle.domain.table.TableName;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The domain's view of one DynamoDB stream record, whether it came from a Lambda event or from
 * the Streams API. Keys are the raw key attributes; the table's key schema says which is which.
 */
public record ChangeRecord(
        String eventId,
        EventName eventName,
        TableName table,
        Map<String, AttributeValue> keys,
        Optional<Item> oldImage,
        Optional<Item> newImage,
        SequenceNumber sequenceNumber,
        Instant approximateCreationTime,
        Optional<UserIdentity> userIdentity,
        StreamViewType viewType) {

    private static final Instant FIRST_DAY = LocalDate.MIN.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant AFTER_LAST_DAY = LocalDate.MAX.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(1));

    public ChangeRecord {
        require(eventId != null && !eventId.isBlank(), "eventId must not be blank");
        require(eventName != null, "eventName must not be null");
        require(table != null, "table must not be null");
        require(keys != null && !keys.isEmpty() && keys.size() <= 2,
                "keys must hold the one or two key attributes, had " + (keys == null ? "none" : keys.size()));
        keys.forEach((name, value) -> require(value instanceof KeyValue,
                "key attribute '" + name + "' must be S, N or B, was " + (value == null ? "null" : value.type())));
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        require(oldImage != null && newImage != null && userIdentity != null,
                "images and user identity must be Optional.empty(), not null");
        require(sequenceNumber != null, "sequenceNumber must not be null");
        require(approximateCreationTime != null, "approximateCreationTime must not be null");
        // Instant reaches a little further than LocalDate; archive keys and ledger days need the UTC day.
        require(!approximateCreationTime.isBefore(FIRST_DAY) && approximateCreationTime.isBefore(AFTER_LAST_DAY),
                "approximateCreationTime " + approximateCreationTime + " falls on no calendar day (years -999999999 to 999999999)");
        require(viewType != null, "viewType must not be null");
        require(viewType.includesOldImage() || oldImage.isEmpty(),
                "a " + viewType + " stream record cannot carry an old image");
    }

    public boolean isRemoval() {
        return eventName == EventName.REMOVE;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException("change record: " + message);
        }
    }
}
