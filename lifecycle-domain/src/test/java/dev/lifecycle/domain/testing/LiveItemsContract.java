package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.restore.LiveItemPort;
import dev.lifecycle.domain.table.TableName;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every implementation of the live-item port must show, on a table keyed pk (S) + sk (S). */
public abstract class LiveItemsContract {

    private LiveItemPort live;
    private TableName table;
    private ItemKey key;
    private Item item;

    protected abstract LiveItemPort liveItemPort();

    /** An empty table with partition key pk and sort key sk, both strings. */
    protected abstract TableName emptyTable();

    @BeforeEach
    void setUpPort() {
        live = liveItemPort();
        table = emptyTable();
        String unique = UUID.randomUUID().toString().substring(0, 8);
        key = ItemKey.of("pk", s("customer#" + unique), "sk", s("order#1"));
        item = new Item(Map.of("pk", s("customer#" + unique), "sk", s("order#1"), "total", n("129.9"), "expiresAt", n(1_800_000_000L)));
    }

    @Test
    void aConditionalPut_writesOnce_andNeverOverwrites() {
        assertThat(live.putIfAbsent(table, key, item)).isEqualTo(LiveItemPort.PutOutcome.WRITTEN);
        assertThat(live.putIfAbsent(table, key, item.with("total", n("1")))).isEqualTo(LiveItemPort.PutOutcome.ALREADY_EXISTS);

        assertThat(live.read(table, key)).contains(item);
    }

    @Test
    void anAttributeIsRemoved_onlyWhileItHasTheExpectedValue() {
        live.putIfAbsent(table, key, item);

        assertThat(live.removeAttribute(table, key, "expiresAt", n(1_700_000_000L))).isFalse();
        assertThat(live.read(table, key)).contains(item);
        assertThat(live.removeAttribute(table, key, "expiresAt", n(1_800_000_000L))).isTrue();
        assertThat(live.read(table, key)).contains(item.without("expiresAt"));
    }

    @Test
    void anAttributeIsSet_onlyWhenTheItemExistsAndLacksIt() {
        live.putIfAbsent(table, key, item.without("expiresAt"));

        assertThat(live.setAttributeIfAbsent(table, key, "expiresAt", n(1_800_000_000L))).isTrue();
        assertThat(live.setAttributeIfAbsent(table, key, "expiresAt", n(1_900_000_000L))).isFalse();
        assertThat(live.read(table, key)).contains(item);
    }

    @Test
    void aMissingItem_isNeverCreatedByAnAttributeChange() {
        assertThat(live.removeAttribute(table, key, "expiresAt", n(1_800_000_000L))).isFalse();
        assertThat(live.setAttributeIfAbsent(table, key, "expiresAt", n(1_800_000_000L))).isFalse();

        assertThat(live.read(table, key)).isEmpty();
    }
}
