package dev.lifecycle.adapters.aws.json;

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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DynamoDbJsonTest {

    @Test
    void write_givesCompactDynamoDbJsonInTheItemsOrder() {
        Item item = item("pk", s("customer#42"), "total", n("129.90"), "tags", AttributeValue.SS.of("b", "a"),
                "address", map("zip", n("01234"), "gone", nul()), "flags", AttributeValue.L.of(bool(true)),
                "raw", b((byte) 0, (byte) 1, (byte) 0xff));

        assertThat(DynamoDbJson.writeAsString(item)).isEqualTo("{\"pk\":{\"S\":\"customer#42\"},\"total\":{\"N\":\"129.90\"},"
                + "\"tags\":{\"SS\":[\"b\",\"a\"]},\"address\":{\"M\":{\"zip\":{\"N\":\"01234\"},\"gone\":{\"NULL\":true}}},"
                + "\"flags\":{\"L\":[{\"BOOL\":true}]},\"raw\":{\"B\":\"AAH/\"}}");
    }

    @Test
    void numbers_keepTheirExactTextThroughAParse() {
        String json = "{\"a\":{\"N\":\"12345678901234567890123456789012345678\"},"
                + "\"b\":{\"N\":\"-0.12345678901234567890123456789012345678\"},"
                + "\"c\":{\"N\":\"9.9999999999999999999999999999999999999E+125\"},"
                + "\"d\":{\"N\":\"1E-130\"},\"e\":{\"N\":\"1.50\"},\"f\":{\"N\":\"0.1\"},"
                + "\"g\":{\"NS\":[\"1.10\",\"2e3\",\"-0\"]}}";

        Item item = DynamoDbJson.parseItem(json);

        assertThat(((AttributeValue.N) item.get("a").orElseThrow()).value()).isEqualTo("12345678901234567890123456789012345678");
        assertThat(((AttributeValue.N) item.get("c").orElseThrow()).value()).isEqualTo("9.9999999999999999999999999999999999999E+125");
        assertThat(((AttributeValue.N) item.get("e").orElseThrow()).value()).isEqualTo("1.50");
        assertThat(new String(DynamoDbJson.write(item), StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void numberGivenAsJsonNumber_isRejectedRatherThanReadThroughADouble() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"total\":{\"N\":129.90}}"))
                .isInstanceOf(DynamoDbJsonException.class)
                .hasMessage("total: N value must be a JSON string, found a number 129.90");
    }

    @Test
    void binaries_areStandardBase64AndComeBackAsTheSameBytes() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        Item item = item("pk", s("k"), "all", b(all), "empty", b(),
                "set", AttributeValue.BS.of(Bytes.of((byte) 0xfb, (byte) 0xff), Bytes.of((byte) 1)));

        String json = DynamoDbJson.writeAsString(item);

        assertThat(json).contains("\"set\":{\"BS\":[\"+/8=\",\"AQ==\"]}").contains("\"empty\":{\"B\":\"\"}");
        assertThat(DynamoDbJson.parseItem(json)).isEqualTo(item);
    }

    @Test
    void sets_keepTheOrderTheyWereGivenIn() {
        String json = "{\"ss\":{\"SS\":[\"z\",\"a\",\"m\"]},\"ns\":{\"NS\":[\"10\",\"9\",\"-1\"]}}";

        assertThat(DynamoDbJson.writeAsString(DynamoDbJson.parseItem(json))).isEqualTo(json);
    }

    @Test
    void everyTypeOfValue_roundTripsOnItsOwn() {
        List<AttributeValue> values = List.of(s(""), n("-1.5E-7"), b((byte) 7), AttributeValue.SS.of("x", ""),
                AttributeValue.NS.of("1", "2"), AttributeValue.BS.of(Bytes.of((byte) 1)), map(), AttributeValue.L.of(),
                nul(), bool(false));

        for (AttributeValue value : values) {
            assertThat(DynamoDbJson.parseValue(DynamoDbJson.writeAsString(value))).as(value.type().name()).isEqualTo(value);
        }
    }

    @Test
    void stringsWithEscapesAndAstralCharacters_roundTrip() {
        Item item = item("pk", s("quote \" backslash \\ newline \n control \u0001 tab \t é 日本 😀"), "😀 name", s("x"));

        String json = DynamoDbJson.writeAsString(item);

        assertThat(json).contains("\\\"", "\\\\", "\\n", "\\u0001", "\"😀 name\"", "日本 😀\"");
        assertThat(DynamoDbJson.parseItem(json)).isEqualTo(item);
    }

    @Test
    void thirtyTwoLevelsOfNesting_roundTrip() {
        Item item = item("pk", s("k"), "deep", nested(32, s("bottom")));

        assertThat(DynamoDbJson.parseItem(DynamoDbJson.write(item))).isEqualTo(item);
    }

    @Test
    void sixtyFourLevels_areTheDeepestAccepted() {
        Item item = item("deep", nested(DynamoDbJson.MAX_DEPTH, n(1)));

        assertThat(DynamoDbJson.parseItem(DynamoDbJson.write(item))).isEqualTo(item);
    }

    @Test
    void sixtyFiveLevels_areRejectedNamingThePath() {
        byte[] json = DynamoDbJson.write(item("deep", nested(DynamoDbJson.MAX_DEPTH + 1, n(1))));

        assertThatThrownBy(() -> DynamoDbJson.parseItem(json))
                .isInstanceOf(DynamoDbJsonException.class)
                .hasMessageStartingWith("deep.L[0].M.m.L[0].M.m")
                .hasMessageEndingWith(": values are nested more than 64 levels deep (DynamoDB allows 32)");
    }

    @Test
    void anItemOf400Kilobytes_roundTrips() {
        Random random = new Random(400);
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("pk", s("big"));
        byte[] blob = new byte[200_000];
        random.nextBytes(blob);
        attributes.put("blob", b(blob));
        for (int i = 0; i < 2_000; i++) {
            attributes.put("attribute-" + i, i % 2 == 0 ? s("x".repeat(50)) : n(random.nextLong()));
        }
        Item item = new Item(attributes);

        byte[] json = DynamoDbJson.write(item);

        assertThat(json.length).isBetween(380_000, 420_000);
        assertThat(DynamoDbJson.parseItem(json)).isEqualTo(item);
        assertThat(DynamoDbJson.write(DynamoDbJson.parseItem(json))).isEqualTo(json);
    }

    @Test
    void attributeNamesLongerThanJacksonsDefaultLimit_areAccepted() {
        String name = "n".repeat(60_000);

        assertThat(DynamoDbJson.parseItem(DynamoDbJson.write(item(name, s("v")))).has(name)).isTrue();
    }

    @Test
    void badNumberInANestedMap_isReportedWithItsPath() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"address\":{\"M\":{\"zip\":{\"N\":\"abc\"}}}}"))
                .isInstanceOf(DynamoDbJsonException.class)
                .hasMessageStartingWith("address.M.zip: N value 'abc' is not a decimal number")
                .satisfies(e -> assertThat(((DynamoDbJsonException) e).path()).isEqualTo("address.M.zip"));
    }

    @Test
    void badListElement_isReportedWithItsIndex() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"tags\":{\"L\":[{\"S\":\"a\"},{\"S\":\"b\"},{\"N\":\"1e999\"}]}}"))
                .hasMessageStartingWith("tags.L[2]: N value '1e999' is outside DynamoDB's range");
    }

    @Test
    void badSetMember_isReportedWithItsIndex() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"codes\":{\"NS\":[\"1\",\"x1\"]}}"))
                .hasMessageStartingWith("codes.NS[1]: N value 'x1' is not a decimal number");
    }

    @Test
    void oddAttributeNames_areQuotedInThePath() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a.b\":{\"M\":{\"x y\":{\"BOOL\":\"yes\"}}}}"))
                .hasMessage("[\"a.b\"].M[\"x y\"]: BOOL value must be true or false, found a string 'yes'");
    }

    @Test
    void unknownTypeDescriptor_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"X\":\"1\"}}"))
                .hasMessage("a: unknown type descriptor 'X' (expected one of S, N, B, SS, NS, BS, M, L, NULL, BOOL)");
    }

    @Test
    void lowerCaseTypeDescriptor_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"s\":\"1\"}}"))
                .hasMessageStartingWith("a: unknown type descriptor 's'");
    }

    @Test
    void twoTypeDescriptors_areRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"S\":\"1\",\"N\":\"1\"}}"))
                .hasMessage("a: has two type descriptors, 'S' and 'N'");
    }

    @Test
    void noTypeDescriptor_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{}}"))
                .hasMessage("a: has no type descriptor (one of S, N, B, SS, NS, BS, M, L, NULL, BOOL)");
    }

    @Test
    void plainJsonInsteadOfATypedValue_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":\"text\"}"))
                .hasMessage("a: expected a typed value such as {\"S\": \"text\"}, found a string 'text'");
    }

    @Test
    void nullThatIsFalse_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"NULL\":false}}"))
                .hasMessage("a: NULL value must be true, found false");
    }

    @Test
    void emptySet_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"SS\":[]}}"))
                .hasMessage("a: SS must have at least one member (DynamoDB has no empty sets)");
    }

    @Test
    void numericallyEqualSetMembers_areRejectedAsDuplicates() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"NS\":[\"1.5\",\"1.50\"]}}"))
                .hasMessage("a.NS[1]: NS member '1.50' appears twice (DynamoDB sets have no duplicates)");
    }

    @Test
    void attributeNamedTwice_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"S\":\"1\"},\"a\":{\"S\":\"2\"}}"))
                .hasMessage("a: attribute name appears twice");
    }

    @Test
    void emptyTopLevelAttributeName_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"\":{\"S\":\"1\"}}"))
                .hasMessage("[\"\"]: attribute names of an item must not be empty");
    }

    @Test
    void unpairedSurrogateInAString_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"S\":\"x\\ud800y\"}}"))
                .hasMessage("a: S value has an unpaired surrogate at index 1 (not valid UTF-8)");
    }

    @Test
    void unpairedSurrogateInAName_isRejectedAndShownEscaped() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"m\":{\"M\":{\"\\udc00\":{\"S\":\"v\"}}}}"))
                .hasMessage("m.M[\"\\udc00\"]: attribute name has an unpaired surrogate at index 0 (not valid UTF-8)");
    }

    @Test
    void invalidBase64_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"B\":\"not base64!\"}}"))
                .hasMessageStartingWith("a: not valid base64: 'not base64!'");
    }

    @Test
    void malformedJson_isReportedWithLineAndColumn() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"S\":\"1\"},\n \"b\": {\"S\" \"2\"}}"))
                .isInstanceOf(DynamoDbJsonException.class)
                .hasMessageStartingWith("b.S: malformed JSON at line 2, column 12");
    }

    @Test
    void contentAfterTheItem_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"S\":\"1\"}} {}"))
                .hasMessage("$: more content after the end of the value: an object");
    }

    @Test
    void setMemberThatIsNotAString_isReportedAtItsIndex() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("{\"a\":{\"SS\":[\"x\",{\"S\":\"y\"}]}}"))
                .hasMessage("a.SS[1]: SS member must be a JSON string, found an object");
    }

    @Test
    void aDocumentThatIsNotAnObject_isRejected() {
        assertThatThrownBy(() -> DynamoDbJson.parseItem("[]"))
                .hasMessage("$: expected an object of attributes, found an array");
    }
}
