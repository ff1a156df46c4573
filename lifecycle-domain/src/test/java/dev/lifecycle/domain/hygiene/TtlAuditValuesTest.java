package dev.lifecycle.domain.hygiene;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.policy.PolicyId;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TtlAuditValuesTest {

    @Test
    void settings_nameTheFieldAndTheBadValue() {
        assertThatThrownBy(() -> new TtlAuditSettings(0, 1, 100, 10, Duration.ofMinutes(1), 10, Duration.ZERO))
                .hasMessage("readUnitsPerSecond must be between 0.01 and 100000, was 0.0");
        assertThatThrownBy(() -> new TtlAuditSettings(1, Double.NaN, 100, 10, Duration.ofMinutes(1), 10, Duration.ZERO))
                .hasMessage("pagesPerSecond must be between 0.01 and 10000, was NaN");
        assertThatThrownBy(() -> new TtlAuditSettings(1, 1, 0, 10, Duration.ofMinutes(1), 10, Duration.ZERO))
                .hasMessage("pageSize must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> new TtlAuditSettings(1, 1, 100, 10, Duration.ZERO, 10, Duration.ZERO))
                .hasMessage("timeBudget must be a positive duration, was PT0S");
        assertThatThrownBy(() -> new TtlAuditSettings(1, 1, 100, 10, Duration.ofMinutes(1), 101, Duration.ZERO))
                .hasMessage("samplesPerFinding must be between 0 and 100, was 101");
    }

    @Test
    void aCommandsMaxItems_mustBePositive() {
        assertThatThrownBy(() -> new AuditTtlHygieneCommand(PolicyId.of("orders"), Optional.of(0L)))
                .hasMessage("maxItems must be at least 1, was 0");
    }

    @Test
    void aTally_neverHasMoreSamplesThanItems() {
        ItemKey key = ItemKey.of("pk", AttributeValue.s("a"));
        assertThatThrownBy(() -> new FindingTally(1, List.of(key, key))).hasMessage("a finding tally has at most 1 samples, had 2");
    }
}
