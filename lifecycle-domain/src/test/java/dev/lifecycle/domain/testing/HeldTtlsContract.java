package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.hold.HeldTtl;
import dev.lifecycle.domain.hold.HeldTtlsPort;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every implementation of the held-TTL port must show; the fake and the DynamoDB adapter run it. */
public abstract class HeldTtlsContract {

    private static final Instant AT = Instant.parse("2026-11-22T09:00:00Z");

    private HeldTtlsPort held;
    private TableName table;

    protected abstract HeldTtlsPort heldTtlsPort();

    @BeforeEach
    void setUpPort() {
        held = heldTtlsPort();
        table = TableName.of("held-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aRecordedTtl_isFoundAndListedForItsTable_only() {
        ItemKey key = ItemKey.of("pk", s("customer#1"), "sk", n("7"));
        HeldTtl ttl = new HeldTtl(table, key, "expiresAt", n(1_800_000_000L), AT);

        held.record(ttl);

        assertThat(held.find(table, key)).contains(ttl);
        assertThat(held.all(table)).containsExactly(ttl);
        assertThat(held.all(TableName.of(table.value() + "-other"))).isEmpty();
    }

    @Test
    void theFirstOriginalWins() {
        ItemKey key = ItemKey.of("pk", s("customer#1"), "sk", n("7"));
        HeldTtl first = new HeldTtl(table, key, "expiresAt", n(1_800_000_000L), AT);

        held.record(first);
        held.record(new HeldTtl(table, key, "expiresAt", n(1_900_000_000L), AT.plusSeconds(300)));

        assertThat(held.find(table, key)).contains(first);
    }

    @Test
    void aForgottenTtl_isGone() {
        ItemKey key = ItemKey.of("pk", s("customer#2"), "sk", n("1"));
        held.record(new HeldTtl(table, key, "ttl", s("not even a number"), AT));

        held.forget(table, key);

        assertThat(held.find(table, key)).isEmpty();
        assertThat(held.all(table)).isEmpty();
    }
}
