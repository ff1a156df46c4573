package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

class SetValuesTest {

    @Test
    void emptyStringSet_isRejected() {
        assertThatThrownBy(() -> new AttributeValue.SS(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SS must have at least one member");
    }

    @Test
    void emptyNumberSet_isRejected() {
        assertThatThrownBy(AttributeValue.NS::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NS must have at least one member");
    }

    @Test
    void emptyBinarySet_isRejected() {
        assertThatThrownBy(AttributeValue.BS::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BS must have at least one member");
    }

    @Test
    void nullStringSetMember_isRejected() {
        Set<String> members = new HashSet<>(Arrays.asList("a", null));

        assertThatThrownBy(() -> new AttributeValue.SS(members))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SS must not contain null");
    }

    @Test
    void nullNumberSetMember_isRejected() {
        Set<AttributeValue.N> members = new HashSet<>(Arrays.asList(n("1"), null));

        assertThatThrownBy(() -> new AttributeValue.NS(members))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NS must not contain null");
    }

    @Test
    void nullBinarySetMember_isRejected() {
        Set<Bytes> members = new HashSet<>(Arrays.asList(Bytes.of((byte) 1), null));

        assertThatThrownBy(() -> new AttributeValue.BS(members))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BS must not contain null");
    }

    @Test
    void factories_rejectNullMembers_withAMessage() {
        SoftAssertions softly = new SoftAssertions();
        softly.assertThatThrownBy(() -> AttributeValue.SS.of("a", null)).isInstanceOf(IllegalArgumentException.class);
        softly.assertThatThrownBy(() -> AttributeValue.NS.of("1", null)).isInstanceOf(IllegalArgumentException.class);
        softly.assertThatThrownBy(() -> AttributeValue.BS.of(Bytes.of((byte) 1), null))
                .isInstanceOf(IllegalArgumentException.class);
        softly.assertThatThrownBy(() -> AttributeValue.L.of(AttributeValue.s("a"), null))
                .isInstanceOf(IllegalArgumentException.class);
        softly.assertAll();
    }

    @Test
    void duplicateString_isRejectedByTheFactory_namingIt() {
        assertThatThrownBy(() -> AttributeValue.SS.of("a", "b", "a"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SS contains the member a twice");
    }

    @Test
    void numericallyEqualNumbers_areDuplicatesForTheFactory() {
        assertThatThrownBy(() -> AttributeValue.NS.of("1", "1.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NS contains the member")
                .hasMessageContaining("1.0")
                .hasMessageContaining("twice");
    }

    @Test
    void exponentAndPlainSpellings_areDuplicatesForTheFactory() {
        assertThatThrownBy(() -> AttributeValue.NS.of("1E2", "100"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("twice");
    }

    @Test
    void equalBytes_areDuplicatesForTheFactory() {
        assertThatThrownBy(() -> AttributeValue.BS.of(Bytes.of((byte) 1, (byte) 2), Bytes.of((byte) 1, (byte) 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BS contains the member")
                .hasMessageContaining("twice");
    }

    @Test
    void invalidNumberInTheNumberSetFactory_isRejected_namingIt() {
        assertThatThrownBy(() -> AttributeValue.NS.of("1", "NaN"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'NaN'");
    }

    @Test
    void stringSetEquality_ignoresOrder() {
        assertThat(AttributeValue.SS.of("a", "b", "c")).isEqualTo(AttributeValue.SS.of("c", "a", "b"));
        assertThat(AttributeValue.SS.of("a", "b", "c").hashCode()).isEqualTo(AttributeValue.SS.of("c", "a", "b").hashCode());
    }

    @Test
    void numberSetEquality_ignoresOrderAndSpelling() {
        assertThat(AttributeValue.NS.of("1.50", "2", "-0")).isEqualTo(AttributeValue.NS.of("0", "2E0", "1.5"));
        assertThat(AttributeValue.NS.of("1.50", "2", "-0").hashCode())
                .isEqualTo(AttributeValue.NS.of("0", "2E0", "1.5").hashCode());
    }

    @Test
    void binarySetEquality_ignoresOrder() {
        Bytes one = Bytes.of((byte) 1);
        Bytes ff = Bytes.of((byte) 0xFF);

        assertThat(AttributeValue.BS.of(one, ff)).isEqualTo(AttributeValue.BS.of(ff, one));
    }

    @Test
    void setsWithDifferentMembers_areNotEqual() {
        assertThat(AttributeValue.SS.of("a", "b")).isNotEqualTo(AttributeValue.SS.of("a", "b", "c"));
        assertThat(AttributeValue.NS.of("1", "2")).isNotEqualTo(AttributeValue.NS.of("1", "2.000000000000000000000000001"));
    }

    @Test
    void setsRememberTheOrderTheyArrivedIn() {
        assertThat(AttributeValue.SS.of("b", "c", "a").values()).containsExactly("b", "c", "a");
    }

    @Test
    void setMembers_areUnmodifiable() {
        AttributeValue.SS set = AttributeValue.SS.of("a");

        assertThatThrownBy(() -> set.values().add("b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void changingTheSourceSetAfterConstruction_doesNotChangeTheValue() {
        Set<String> source = new LinkedHashSet<>(List.of("a", "b"));
        AttributeValue.SS set = new AttributeValue.SS(source);

        source.add("c");
        source.remove("a");

        assertThat(set.values()).containsExactly("a", "b");
    }
}
