package dev.lifecycle.domain.item;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static Bytes bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return Bytes.of(out);
    }

    @Test
    void itemWithEveryType_isWrittenInTheExpectedForm() {
        Map<String, AttributeValue> nested = new LinkedHashMap<>();
        nested.put("z", AttributeValue.bool(true));
        nested.put("a", AttributeValue.nul());
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("t", AttributeValue.bool(false));
        attributes.put("s", s("héllo \"q\""));
        attributes.put("nul", AttributeValue.nul());
        attributes.put("n", n("1.50E2"));
        attributes.put("ns", AttributeValue.NS.of("10", "9", "-1.0"));
        attributes.put("b", new AttributeValue.B(bytes(1, 2, 3)));
        attributes.put("ss", AttributeValue.SS.of("b", "a"));
        attributes.put("bs", AttributeValue.BS.of(bytes(0xFF), bytes(0x01)));
        attributes.put("m", new AttributeValue.M(nested));
        attributes.put("l", AttributeValue.L.of(n("1.0"), s("")));

        assertThat(CanonicalJson.of(new Item(attributes))).isEqualTo("{"
                + "\"b\":{\"B\":\"AQID\"},"
                + "\"bs\":{\"BS\":[\"AQ==\",\"/w==\"]},"
                + "\"l\":{\"L\":[{\"N\":\"1\"},{\"S\":\"\"}]},"
                + "\"m\":{\"M\":{\"a\":{\"NULL\":true},\"z\":{\"BOOL\":true}}},"
                + "\"n\":{\"N\":\"150\"},"
                + "\"ns\":{\"NS\":[\"-1\",\"9\",\"10\"]},"
                + "\"nul\":{\"NULL\":true},"
                + "\"s\":{\"S\":\"héllo \\\"q\\\"\"},"
                + "\"ss\":{\"SS\":[\"a\",\"b\"]},"
                + "\"t\":{\"BOOL\":false}"
                + "}");
    }

    @Test
    void emptyItem_isAnEmptyObject() {
        assertThat(CanonicalJson.of(new Item(Map.of()))).isEqualTo("{}");
    }

    @Test
    void attributeNames_areSortedByCodePoint_notByUtf16Unit() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("\uD83D\uDE00", s("emoji"));
        attributes.put("\uFB01", s("ligature"));

        assertThat(CanonicalJson.of(new Item(attributes)))
                .isEqualTo("{\"\uFB01\":{\"S\":\"ligature\"},\"\uD83D\uDE00\":{\"S\":\"emoji\"}}");
    }

    @Test
    void attributeNames_putUpperCaseBeforeLowerCase_andAPrefixFirst() {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("ab", s("3"));
        attributes.put("a", s("2"));
        attributes.put("B", s("1"));

        assertThat(CanonicalJson.of(new Item(attributes)))
                .isEqualTo("{\"B\":{\"S\":\"1\"},\"a\":{\"S\":\"2\"},\"ab\":{\"S\":\"3\"}}");
    }

    @Test
    void quotesAndBackslashes_areEscaped() {
        assertThat(CanonicalJson.of(s("say \"hi\" \\o/"))).isEqualTo("{\"S\":\"say \\\"hi\\\" \\\\o/\"}");
    }

    @Test
    void controlCharacters_areEscaped() {
        assertThat(CanonicalJson.of(s("\n\r\t\b\f\u0000\u0001\u001f")))
                .isEqualTo("{\"S\":\"\\n\\r\\t\\b\\f\\u0000\\u0001\\u001f\"}");
    }

    @Test
    void deleteAndNonAsciiCharacters_areKeptLiteral() {
        assertThat(CanonicalJson.of(s("\u007f日本😀é\u2028/"))).isEqualTo("{\"S\":\"\u007f日本😀é\u2028/\"}");
    }

    @Test
    void attributeNames_areEscapedLikeValues() {
        assertThat(CanonicalJson.of(new Item(Map.of("a\"b\n", s("x"))))).isEqualTo("{\"a\\\"b\\n\":{\"S\":\"x\"}}");
    }

    @Test
    void stringSetMembers_areEscaped_andSortedByCodePoint() {
        assertThat(CanonicalJson.of(AttributeValue.SS.of("\uD83D\uDE00", "\uFB01", "\"")))
                .isEqualTo("{\"SS\":[\"\\\"\",\"\uFB01\",\"\uD83D\uDE00\"]}");
    }

    @Test
    void numberSet_isSortedNumerically_notAsText() {
        assertThat(CanonicalJson.of(AttributeValue.NS.of("10", "9", "-2", "1E0", "0.5")))
                .isEqualTo("{\"NS\":[\"-2\",\"0.5\",\"1\",\"9\",\"10\"]}");
    }

    @Test
    void binarySet_isSortedAsUnsignedBytes() {
        assertThat(CanonicalJson.of(AttributeValue.BS.of(bytes(0xFF), bytes(0x7F), bytes(0x01))))
                .isEqualTo("{\"BS\":[\"AQ==\",\"fw==\",\"/w==\"]}");
    }

    @Test
    void numbers_areWrittenInCanonicalText() {
        assertThat(CanonicalJson.of(n("1.50E+3"))).isEqualTo("{\"N\":\"1500\"}");
        assertThat(CanonicalJson.of(n("-0.0"))).isEqualTo("{\"N\":\"0\"}");
        assertThat(CanonicalJson.of(n("1E+125"))).isEqualTo("{\"N\":\"1" + "0".repeat(125) + "\"}");
    }

    @Test
    void listKeepsItsOrder() {
        assertThat(CanonicalJson.of(AttributeValue.L.of(s("b"), s("a"))))
                .isEqualTo("{\"L\":[{\"S\":\"b\"},{\"S\":\"a\"}]}");
    }

    @Test
    void emptyListAndEmptyMap_areWritten() {
        assertThat(CanonicalJson.of(AttributeValue.L.of())).isEqualTo("{\"L\":[]}");
        assertThat(CanonicalJson.of(new AttributeValue.M(Map.of()))).isEqualTo("{\"M\":{}}");
    }

    @Test
    void codePointOrder_agreesWithUtf8ByteOrder() {
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("\uFB01", "\uD83D\uDE00")).isNegative();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("a", "ab")).isNegative();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("ab", "ab")).isZero();
        assertThat(CanonicalJson.CODE_POINT_ORDER.compare("\u00e9", "z")).isPositive();
    }

    @Test
    void codePointOrder_agreesWithComparingDecodedCodePoints_onStringsFullOfSurrogatesAndHighCharacters() {
        java.util.Random random = new java.util.Random(7L);
        char[] alphabet = {'a', 'z', '\u00e9', '\u7fff', '\ud7ff', '\ue000', '\uf8ff', '\ufb01', '\uffff'};
        for (int i = 0; i < 50_000; i++) {
            String a = randomText(random, alphabet);
            String b = randomText(random, alphabet);
            int expected = Integer.signum(java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray()));
            assertThat(Integer.signum(CanonicalJson.CODE_POINT_ORDER.compare(a, b))).as("%s vs %s", a, b).isEqualTo(expected);
        }
    }

    private static String randomText(java.util.Random random, char[] alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            if (random.nextInt(3) == 0) {
                text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
            } else {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
        }
        return text.toString();
    }
}
