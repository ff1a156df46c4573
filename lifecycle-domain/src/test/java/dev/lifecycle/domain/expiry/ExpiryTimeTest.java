package dev.lifecycle.domain.expiry;

import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Item;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpiryTimeTest {

    private static final Item ITEM = new Item(Map.of("pk", s("a")));

    @Test
    void stamp_putsANumberOfEpochSeconds() {
        Item stamped = ExpiryTime.ofEpochSeconds(1_767_225_600L).stamp(ITEM, "expiresAt");

        assertThat(stamped.get("expiresAt")).get().isInstanceOf(AttributeValue.N.class);
        assertThat(((AttributeValue.N) stamped.get("expiresAt").orElseThrow()).value()).isEqualTo("1767225600");
    }

    @Test
    void stamp_replacesAStringTypedTtl() {
        Item stamped = ExpiryTime.ofEpochSeconds(1_767_225_600L).stamp(ITEM.with("expiresAt", s("1767225600")), "expiresAt");

        assertThat(stamped.get("expiresAt")).contains(AttributeValue.n("1767225600"));
    }

    @Test
    void stamp_leavesTheOriginalItemUnchanged() {
        ExpiryTime.ofEpochSeconds(1_767_225_600L).stamp(ITEM, "expiresAt");

        assertThat(ITEM.has("expiresAt")).isFalse();
    }

    @Test
    void millisecondsSizedValue_isRejected_namingIt() {
        assertThatThrownBy(() -> ExpiryTime.ofEpochSeconds(1_767_225_600_000L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1767225600000")
                .hasMessageContaining("not epoch seconds");
    }

    @Test
    void valueOf1E11_isRejected() {
        assertThatThrownBy(() -> ExpiryTime.ofEpochSeconds(100_000_000_000L)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valueJustBelow1E11_isAccepted() {
        assertThat(ExpiryTime.ofEpochSeconds(99_999_999_999L).toInstant()).isEqualTo(Instant.ofEpochSecond(99_999_999_999L));
    }

    @Test
    void negativeValue_isRejected() {
        assertThatThrownBy(() -> ExpiryTime.ofEpochSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void notBefore_aWholeSecond_isThatSecond() {
        assertThat(ExpiryTime.notBefore(Instant.ofEpochSecond(1_767_225_600L)).epochSeconds()).isEqualTo(1_767_225_600L);
    }

    @Test
    void notBefore_anInstantWithNanos_isTheNextSecond() {
        assertThat(ExpiryTime.notBefore(Instant.ofEpochSecond(1_767_225_600L, 1)).epochSeconds()).isEqualTo(1_767_225_601L);
    }

    @Test
    void laterExpiry_comparesGreater() {
        assertThat(ExpiryTime.ofEpochSeconds(2)).isGreaterThan(ExpiryTime.ofEpochSeconds(1));
    }
}
