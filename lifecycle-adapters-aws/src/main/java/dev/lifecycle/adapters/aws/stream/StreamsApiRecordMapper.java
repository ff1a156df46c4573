package dev.lifecycle.adapters.aws.stream;

import dev.lifecycle.adapters.aws.dynamodb.SdkAttributeValues;
import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.Identity;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;

// Written by hand rather than with MapStruct: SDK v2 models have fluent accessors only (eventID(),
// not getEventID()), and MapStruct 1.6 reports "Type Record has no properties" unless a custom
// accessor naming strategy is built into a separate jar for the annotation processor.
/** Maps a Streams API record ({@code GetRecords}, for replay) to a domain ChangeRecord of the table the caller names. */
public final class StreamsApiRecordMapper {

    private StreamsApiRecordMapper() {
    }

    /**
     * The domain record, or an {@link IllegalArgumentException} whose message starts with the field
     * at fault, such as {@code dynamodb.OldImage.address.M.zip: N value 'abc' is not a decimal number}.
     */
    public static ChangeRecord toChangeRecord(Record record, TableName table) {
        if (record == null || table == null) {
            throw new IllegalArgumentException("a record and its table are required");
        }
        StreamRecord stream = present("dynamodb", record.dynamodb());
        String eventId = present("eventID", record.eventID());
        EventName eventName = eventName(record.eventNameAsString());
        if (!stream.hasKeys()) {
            throw new IllegalArgumentException("dynamodb.Keys: is missing");
        }
        Map<String, AttributeValue> keys = SdkAttributeValues.toDomainAttributes(stream.keys(), "dynamodb.Keys");
        Optional<Item> oldImage = stream.hasOldImage()
                ? Optional.of(SdkAttributeValues.toItem(stream.oldImage(), "dynamodb.OldImage")) : Optional.empty();
        Optional<Item> newImage = stream.hasNewImage()
                ? Optional.of(SdkAttributeValues.toItem(stream.newImage(), "dynamodb.NewImage")) : Optional.empty();
        SequenceNumber sequenceNumber = sequenceNumber(stream.sequenceNumber());
        Instant createdAt = present("dynamodb.ApproximateCreationDateTime", stream.approximateCreationDateTime());
        Optional<UserIdentity> identity = identity(record.userIdentity());
        StreamViewType viewType = viewType(stream.streamViewTypeAsString());
        return new ChangeRecord(eventId, eventName, table, keys, oldImage, newImage, sequenceNumber, createdAt, identity,
                viewType);
    }

    private static EventName eventName(String text) {
        try {
            return EventName.parse(present("eventName", text));
        } catch (IllegalArgumentException e) {
            throw invalid("eventName", e);
        }
    }

    private static SequenceNumber sequenceNumber(String text) {
        try {
            return SequenceNumber.of(present("dynamodb.SequenceNumber", text));
        } catch (IllegalArgumentException e) {
            throw invalid("dynamodb.SequenceNumber", e);
        }
    }

    private static Optional<UserIdentity> identity(Identity identity) {
        if (identity == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new UserIdentity(identity.type(), identity.principalId()));
        } catch (IllegalArgumentException e) {
            throw invalid("userIdentity", e);
        }
    }

    private static StreamViewType viewType(String text) {
        String name = present("dynamodb.StreamViewType", text);
        try {
            return StreamViewType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("dynamodb.StreamViewType: '" + name
                    + "' is not one of KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES", e);
        }
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": is missing");
        }
        return value;
    }

    private static IllegalArgumentException invalid(String field, IllegalArgumentException e) {
        return e.getMessage().startsWith(field + ":") ? e : new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
}
