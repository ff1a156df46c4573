package dev.lifecycle.adapters.aws.dynamodb;

import static dev.lifecycle.adapters.aws.TestItems.item;
import static dev.lifecycle.adapters.aws.TestItems.map;
import static dev.lifecycle.adapters.aws.TestItems.nested;
import static dev.lifecycle.domain.item.AttributeValue.b;
import static dev.lifecycle.domain.item.AttributeValue.bool;
import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.nul;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.Item;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class SdkAttributeValuesTest {

    private static final List<AttributeValue> EVERY_TYPE = List.of(s("text"), n("1.50"), b((byte) 0, (byte) 0xff),
            AttributeValue.SS.of("b", "a"), AttributeValue.NS.of("10", "-2.5E3"),
            AttributeValue.BS.of(Bytes.of((byte) 2), Bytes.of((byte) 1)), map("z", s("1"), "a", nul()),
            AttributeValue.L.of(s("x"), n("1")), nul(), bool(true), bool(false));

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue.Builder sdk() {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    }

    @Test
    void everyType_comesBackFromTheSdkAsItWent() {
        for (AttributeValue value : EVERY_TYPE) {
            assertThat(SdkAttributeValues.toDomain(SdkAttributeValues.toSdk(value))).as(value.type().name()).isEqualTo(value);
        }
    }

    @Test
    void everyType_becomesTheSdkValueOfTheSameType() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> members = new LinkedHashMap<>();
        members.put("z", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("1"));
        members.put("a", sdk().nul(true).build());
        List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> expected = List.of(
                sdk().s("text").build(), sdk().n("1.50").build(), sdk().b(SdkBytes.fromByteArray(new byte[] {0, (byte) 0xff})).build(),
                sdk().ss("b", "a").build(), sdk().ns("10", "-2.5E3").build(),
                sdk().bs(SdkBytes.fromByteArray(new byte[] {2}), SdkBytes.fromByteArray(new byte[] {1})).build(),
                sdk().m(members).build(),
                sdk().l(sdk().s("x").build(), sdk().n("1").build()).build(),
                sdk().nul(true).build(), sdk().bool(true).build(), sdk().bool(false).build());

        assertThat(EVERY_TYPE.stream().map(SdkAttributeValues::toSdk).toList()).isEqualTo(expected);
    }

    @Test
    void numbers_keepTheirTextBothWays() {
        String text = "12345678901234567890123456789012345678E-20";

        AttributeValue.N number = (AttributeValue.N) SdkAttributeValues.toDomain(sdk().n(text).build());

        assertThat(number.value()).isEqualTo(text);
        assertThat(SdkAttributeValues.toSdk(number).n()).isEqualTo(text);
    }

    @Test
    void mapsAndSets_keepTheirOrderBothWays() {
        Item item = item("z", s("1"), "a", s("2"), "m", map("y", n(1), "b", n(2)), "ss", AttributeValue.SS.of("q", "c"));

        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdkItem = SdkAttributeValues.toSdkItem(item);

        assertThat(sdkItem.keySet()).containsExactly("z", "a", "m", "ss");
        assertThat(sdkItem.get("m").m().keySet()).containsExactly("y", "b");
        assertThat(sdkItem.get("ss").ss()).containsExactly("q", "c");
        assertThat(SdkAttributeValues.toItem(sdkItem).attributes().keySet()).containsExactly("z", "a", "m", "ss");
    }

    @Test
    void deepNesting_comesBackAsItWent() {
        Item item = item("pk", s("k"), "deep", nested(32, b((byte) 9)));

        assertThat(SdkAttributeValues.toItem(SdkAttributeValues.toSdkItem(item))).isEqualTo(item);
    }

    @Test
    void aStringValue_isNotMistakenForTheEmptySetsItsGettersAutoConstruct() {
        software.amazon.awssdk.services.dynamodb.model.AttributeValue text = sdk().s("x").build();

        assertThat(text.ss()).isEmpty();
        assertThat(SdkAttributeValues.toDomain(text)).isEqualTo(s("x"));
    }

    @Test
    void anEmptySetTheSdkHolds_isRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toDomain(sdk().ss(List.of()).build()))
                .hasMessage("value: SS must have at least one member (DynamoDB has no empty sets)");
    }

    @Test
    void aValueWithTwoTypesSet_isRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toDomain(sdk().s("1").n("1").build()))
                .hasMessage("value: has more than one type set (the SDK reports no type)");
    }

    @Test
    void aValueWithNoTypeSet_isRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toDomain(sdk().build()))
                .hasMessage("value: has no value, or one of a type this SDK version does not know");
    }

    @Test
    void aNulThatIsFalse_isRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toDomain(sdk().nul(false).build()))
                .hasMessage("value: NUL value must be true, was false");
    }

    @Test
    void numericallyEqualSetMembers_areRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toDomain(sdk().ns("1", "1.0").build()))
                .hasMessage("value.NS[1]: NS member 1.0 appears twice (DynamoDB sets have no duplicates)");
    }

    @Test
    void aBadNumberDeepInAnItem_isReportedWithItsPath() {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> address = Map.of("zip", sdk().n("abc").build());
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item = Map.of(
                "address", sdk().l(sdk().m(address).build()).build());

        assertThatThrownBy(() -> SdkAttributeValues.toItem(item, "dynamodb.OldImage"))
                .hasMessageStartingWith("dynamodb.OldImage.address.L[0].M.zip: N value 'abc' is not a decimal number");
    }

    @Test
    void anEmptyAttributeNameAtTheTop_isRejected() {
        assertThatThrownBy(() -> SdkAttributeValues.toItem(Map.of("", sdk().s("x").build())))
                .hasMessage("item: item attribute names must not be empty");
    }
}
