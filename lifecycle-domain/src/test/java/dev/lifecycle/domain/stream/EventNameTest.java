package dev.lifecycle.domain.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventNameTest {

    @ParameterizedTest
    @EnumSource(EventName.class)
    void parse_readsEachEventName(EventName name) {
        assertThat(EventName.parse(name.name())).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"remove", "DELETE", "", " REMOVE", "REMOVE "})
    void parse_ofAnUnknownName_namesTheValueAndTheKnownOnes(String value) {
        assertThatThrownBy(() -> EventName.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("event name '" + value + "' is not one of INSERT, MODIFY, REMOVE");
    }

    @Test
    void parse_ofNull_isRejected() {
        assertThatThrownBy(() -> EventName.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'null'");
    }
}
