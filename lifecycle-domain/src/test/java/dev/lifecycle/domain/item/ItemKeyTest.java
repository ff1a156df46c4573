package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ItemKeyTest {

    private static final KeySchema COMPOSITE = KeySchema.composite("pk", "sk");

    private static Item itemWith(String name, AttributeValue value) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("pk", s("customer#1"));
        attributes.put("sk", n("7"));
        attributes.put(name, value);
        return new Item(attributes);
    }

    private static ItemKey partitionKey(KeyValue value) {
        return ItemKey.of("pk", value);
    }

    @Test
    void emptyStringKey_isRejected_namingTheAttribute() {
        assertThatThrownBy(() -> new KeyAttribute("pk", s("")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pk' must not be empty");
    }

    @Test
    void emptyBinaryKey_isRejected_namingTheAttribute() {
        assertThatThrownBy(() -> new KeyAttribute("pk", new AttributeValue.B(Bytes.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pk' must not be empty");
    }

    @Test
    void numberKey_isAccepted_evenZero() {
        assertThat(new KeyAttribute("pk", n("0")).value()).isEqualTo(n("0"));
    }

    @Test
    void blankStringKey_isAccepted() {
        assertThat(new KeyAttribute("pk", s(" ")).value()).isEqualTo(s(" "));
    }

    @Test
    void emptyKeyName_isRejected() {
        assertThatThrownBy(() -> new KeyAttribute("", s("a"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partitionAndSortKeyWithOneName_areRejected() {
        assertThatThrownBy(() -> ItemKey.of("pk", s("a"), "pk", s("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pk'");
    }

    @Test
    void schemaWithSortKeyNamedLikeThePartitionKey_isRejected() {
        assertThatThrownBy(() -> KeySchema.composite("pk", "pk")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void schemaWithEmptyNames_isRejected() {
        assertThatThrownBy(() -> KeySchema.partitionKey("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySchema.composite("pk", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyOf_readsTheCompositeKey() {
        ItemKey key = COMPOSITE.keyOf(itemWith("note", s("x")));

        assertThat(key).isEqualTo(ItemKey.of("pk", s("customer#1"), "sk", n("7")));
    }

    @Test
    void keyOf_readsASimpleKey_ignoringOtherAttributes() {
        assertThat(KeySchema.partitionKey("pk").keyOf(itemWith("note", s("x"))))
                .isEqualTo(ItemKey.of("pk", s("customer#1")));
    }

    @Test
    void keyOf_namesAMissingPartitionKey() {
        assertThatThrownBy(() -> KeySchema.partitionKey("id").keyOf(itemWith("note", s("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key attribute 'id' is missing");
    }

    @Test
    void keyOf_namesAMissingSortKey() {
        Item item = itemWith("note", s("x")).without("sk");

        assertThatThrownBy(() -> COMPOSITE.keyOf(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key attribute 'sk' is missing");
    }

    @Test
    void keyOf_namesAKeyOfBooleanType() {
        Item item = itemWith("sk", AttributeValue.bool(true));

        assertThatThrownBy(() -> COMPOSITE.keyOf(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'sk'")
                .hasMessageContaining("BOOL");
    }

    @Test
    void keyOf_namesAKeyOfStringSetType() {
        Item item = itemWith("pk", AttributeValue.SS.of("a"));

        assertThatThrownBy(() -> COMPOSITE.keyOf(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pk'")
                .hasMessageContaining("SS");
    }

    @Test
    void keyOf_rejectsAnEmptyStringKey() {
        Item item = itemWith("pk", s(""));

        assertThatThrownBy(() -> COMPOSITE.keyOf(item))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'pk' must not be empty");
    }

    @Test
    void fromAttributes_readsAStreamRecordsKeys() {
        Map<String, AttributeValue> keys = new LinkedHashMap<>();
        keys.put("sk", n("7"));
        keys.put("pk", s("customer#1"));

        assertThat(ItemKey.fromAttributes(keys, COMPOSITE)).isEqualTo(ItemKey.of("pk", s("customer#1"), "sk", n("7")));
    }

    @Test
    void asAttributes_listsPartitionThenSortKey() {
        assertThat(ItemKey.of("pk", s("a"), "sk", n("1")).asAttributes()).containsExactly(
                Map.entry("pk", s("a")), Map.entry("sk", n("1")));
    }

    @Test
    void identifies_anItemWhoseKeyIsSpelledDifferently() {
        ItemKey key = ItemKey.of("pk", s("customer#1"), "sk", n("7.00"));

        assertThat(key.identifies(itemWith("note", s("x")))).isTrue();
    }

    @Test
    void doesNotIdentify_anItemWithoutTheSortKey() {
        ItemKey key = ItemKey.of("pk", s("customer#1"), "sk", n("7"));

        assertThat(key.identifies(itemWith("note", s("x")).without("sk"))).isFalse();
    }

    @Test
    void stringPartitionKey_matchesByStringPrefix_caseSensitively() {
        ItemKey key = partitionKey(s("customer#1"));

        assertThat(key.partitionKeyStartsWith("customer#")).isTrue();
        assertThat(key.partitionKeyStartsWith("")).isTrue();
        assertThat(key.partitionKeyStartsWith("Customer")).isFalse();
        assertThat(key.partitionKeyStartsWith("customer#12")).isFalse();
    }

    @Test
    void numberPartitionKey_matchesByItsCanonicalText() {
        ItemKey key = partitionKey(n("1.50E2"));

        assertThat(key.partitionKeyStartsWith("15")).isTrue();
        assertThat(key.partitionKeyStartsWith("150")).isTrue();
        assertThat(key.partitionKeyStartsWith("1.5")).isFalse();
        assertThat(key.partitionKeyStartsWith("1.50E")).isFalse();
    }

    @Test
    void negativeFractionalNumberPartitionKey_matchesByItsCanonicalText() {
        ItemKey key = partitionKey(n("-0.50"));

        assertThat(key.partitionKeyStartsWith("-0.5")).isTrue();
        assertThat(key.partitionKeyStartsWith("-0.50")).isFalse();
    }

    @Test
    void binaryPartitionKey_matchesByTheUtf8BytesOfThePrefix() {
        ItemKey key = partitionKey(new AttributeValue.B(Bytes.of("日本x".getBytes(StandardCharsets.UTF_8))));

        assertThat(key.partitionKeyStartsWith("日本")).isTrue();
        assertThat(key.partitionKeyStartsWith("日本x")).isTrue();
        assertThat(key.partitionKeyStartsWith("本")).isFalse();
        assertThat(key.partitionKeyStartsWith("日本xy")).isFalse();
    }

    @Test
    void binaryPartitionKey_holdingPartOfACharacter_doesNotMatchTheWholeCharacter() {
        byte firstByteOfNichi = "日".getBytes(StandardCharsets.UTF_8)[0];
        ItemKey key = partitionKey(new AttributeValue.B(Bytes.of(firstByteOfNichi)));

        assertThat(key.partitionKeyStartsWith("日")).isFalse();
    }

    @Test
    void nullSortKeyOptional_isRejected() {
        assertThatThrownBy(() -> new ItemKey(new KeyAttribute("pk", s("a")), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeySchema("pk", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeySchema("pk", Optional.empty()).sortKeyName()).isEmpty();
    }
}
