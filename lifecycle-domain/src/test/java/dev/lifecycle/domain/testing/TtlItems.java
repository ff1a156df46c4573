package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Items of the test policy's table ({@code pk} + {@code sk}, TTL {@code expiresAt}) with every kind of TTL value. */
public final class TtlItems {

    public static final String TTL = "expiresAt";

    private TtlItems() {
    }

    public static Item withTtl(String pk, AttributeValue ttl) {
        Map<String, AttributeValue> attributes = keyed(pk);
        attributes.put(TTL, ttl);
        attributes.put("payload", AttributeValue.s("x".repeat(100)));
        return new Item(attributes);
    }

    public static Item expiringAt(String pk, Instant at) {
        return withTtl(pk, AttributeValue.n(at.getEpochSecond()));
    }

    public static Item withoutTtl(String pk) {
        Map<String, AttributeValue> attributes = keyed(pk);
        attributes.put("payload", AttributeValue.s("no ttl"));
        return new Item(attributes);
    }

    public static Item stringTtl(String pk, Instant at) {
        return withTtl(pk, AttributeValue.s(Long.toString(at.getEpochSecond())));
    }

    public static Item millisecondsTtl(String pk, Instant at) {
        return withTtl(pk, AttributeValue.n(at.toEpochMilli()));
    }

    private static Map<String, AttributeValue> keyed(String pk) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("pk", AttributeValue.s(pk));
        attributes.put("sk", AttributeValue.s("item"));
        return attributes;
    }
}
