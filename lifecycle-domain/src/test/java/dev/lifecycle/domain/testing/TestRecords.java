package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.EventName;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.stream.StreamViewType;
import dev.lifecycle.domain.stream.UserIdentity;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Stream records for tests, on table {@code orders} with key {@code pk} + {@code sk} and TTL {@code expiresAt}. */
public final class TestRecords {

    public static final Instant EVENT_TIME = Instant.parse("2026-11-22T10:15:30Z");

    private TestRecords() {
    }

    /** An order item whose TTL is {@code expiresAt} epoch seconds. */
    public static Item order(String pk, String sk, long expiresAt) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("pk", s(pk));
        attributes.put("sk", s(sk));
        attributes.put("total", n("129.90"));
        attributes.put("expiresAt", n(expiresAt));
        return new Item(attributes);
    }

    public static Map<String, AttributeValue> keysOf(Item item) {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("pk", item.get("pk").orElseThrow());
        item.get("sk").ifPresent(sk -> keys.put("sk", sk));
        return keys;
    }

    /** A REMOVE by DynamoDB's TTL sweeper. */
    public static ChangeRecord ttlRemove(Item oldImage, String sequence) {
        return remove(oldImage, sequence, Optional.of(UserIdentity.dynamoDbTtlService()), EVENT_TIME);
    }

    /** A REMOVE without identity (a user's DeleteItem, or a sweeper that does not mark itself). */
    public static ChangeRecord userRemove(Item oldImage, String sequence) {
        return remove(oldImage, sequence, Optional.empty(), EVENT_TIME);
    }

    public static ChangeRecord remove(Item oldImage, String sequence, Optional<UserIdentity> identity, Instant at) {
        return new ChangeRecord("event-" + sequence, EventName.REMOVE, TableName.of(TestPolicies.TABLE), keysOf(oldImage),
                Optional.of(oldImage), Optional.empty(), SequenceNumber.of(sequence), at, identity,
                StreamViewType.NEW_AND_OLD_IMAGES);
    }

    public static ChangeRecord insert(Item newImage, String sequence) {
        return new ChangeRecord("event-" + sequence, EventName.INSERT, TableName.of(TestPolicies.TABLE), keysOf(newImage),
                Optional.empty(), Optional.of(newImage), SequenceNumber.of(sequence), EVENT_TIME, Optional.empty(),
                StreamViewType.NEW_AND_OLD_IMAGES);
    }

    public static ChangeRecord modify(Item oldImage, Item newImage, String sequence) {
        return new ChangeRecord("event-" + sequence, EventName.MODIFY, TableName.of(TestPolicies.TABLE), keysOf(newImage),
                Optional.of(oldImage), Optional.of(newImage), SequenceNumber.of(sequence), EVENT_TIME, Optional.empty(),
                StreamViewType.NEW_AND_OLD_IMAGES);
    }

    /** A REMOVE from a stream whose view type carries no old image. */
    public static ChangeRecord keysOnlyRemove(Item oldImage, String sequence) {
        return keysOnlyRemove(oldImage, sequence, Optional.of(UserIdentity.dynamoDbTtlService()));
    }

    /** A REMOVE from a KEYS_ONLY stream, with the given identity (empty for a user's delete). */
    public static ChangeRecord keysOnlyRemove(Item oldImage, String sequence, Optional<UserIdentity> identity) {
        return new ChangeRecord("event-" + sequence, EventName.REMOVE, TableName.of(TestPolicies.TABLE), keysOf(oldImage),
                Optional.empty(), Optional.empty(), SequenceNumber.of(sequence), EVENT_TIME, identity,
                StreamViewType.KEYS_ONLY);
    }
}
