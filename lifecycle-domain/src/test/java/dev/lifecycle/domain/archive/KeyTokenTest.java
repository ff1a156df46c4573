package dev.lifecycle.domain.archive;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeySchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyTokenTest {

    private static final KeySchema SIMPLE = KeySchema.partitionKey("pk");
    private static final KeySchema COMPOSITE = KeySchema.composite("pk", "sk");
    /** A readable start: literal characters or whole %XX escapes, never part of one. */
    private static final String WHOLE_ESCAPES = "([A-Za-z0-9._~-]|%[0-9A-F]{2})*";

    private static ItemKey key(String partition) {
        return ItemKey.of("pk", s(partition));
    }

    private static String sha256Hex(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String readablePart(String shortened) {
        return shortened.substring("H-".length(), shortened.lastIndexOf('~'));
    }

    static Stream<Arguments> nastyKeys() {
        return Stream.of(
                Arguments.of("/", "S-%2F"),
                Arguments.of("#", "S-%23"),
                Arguments.of(" ", "S-%20"),
                Arguments.of("%", "S-%25"),
                Arguments.of("~", "S-%7E"),
                Arguments.of("+", "S-%2B"),
                Arguments.of(".", "S-."),
                Arguments.of("..", "S-.."),
                Arguments.of("a/../b", "S-a%2F..%2Fb"),
                Arguments.of("日本", "S-%E6%97%A5%E6%9C%AC"),
                Arguments.of("😀", "S-%F0%9F%98%80"),
                Arguments.of("\n", "S-%0A"),
                Arguments.of("H-abc", "S-H-abc"));
    }

    @ParameterizedTest
    @MethodSource("nastyKeys")
    void nastyStringKey_isPercentEncoded(String partition, String token) {
        assertThat(KeyToken.encode(key(partition))).isEqualTo(token);
    }

    @ParameterizedTest
    @MethodSource("nastyKeys")
    void nastyStringKey_decodesBack(String partition, String token) {
        assertThat(KeyToken.decode(token, SIMPLE)).contains(key(partition));
    }

    @Test
    void unreservedCharacters_stayLiteral() {
        assertThat(KeyToken.encode(key("aZ09-_."))).isEqualTo("S-aZ09-_.");
    }

    @Test
    void compositeKey_joinsItsPartsWithTilde() {
        assertThat(KeyToken.encode(ItemKey.of("pk", s("customer#1"), "sk", s("order/2"))))
                .isEqualTo("S-customer%231~S-order%2F2");
    }

    @Test
    void tildeInsideAValue_cannotPassForTheSeparator() {
        String simple = KeyToken.encode(key("a~S-b"));
        String composite = KeyToken.encode(ItemKey.of("pk", s("a"), "sk", s("b")));

        assertThat(simple).isEqualTo("S-a%7ES-b").isNotEqualTo(composite);
    }

    @Test
    void numberKey_usesItsCanonicalText() {
        assertThat(KeyToken.encode(ItemKey.of("pk", n("1.50E2")))).isEqualTo("N-150");
        assertThat(KeyToken.encode(ItemKey.of("pk", n("-0.50")))).isEqualTo("N--0.5");
        assertThat(KeyToken.encode(ItemKey.of("pk", n("-0")))).isEqualTo("N-0");
    }

    @Test
    void numericallyEqualNumberKeys_shareAToken() {
        assertThat(KeyToken.encode(ItemKey.of("pk", n("100")))).isEqualTo(KeyToken.encode(ItemKey.of("pk", n("1E2"))));
    }

    @Test
    void binaryKey_encodesItsRawBytes() {
        ItemKey key = ItemKey.of("pk", new AttributeValue.B(Bytes.of((byte) 0x00, (byte) 'A', (byte) 0xFF)));

        assertThat(KeyToken.encode(key)).isEqualTo("B-%00A%FF");
        assertThat(KeyToken.decode("B-%00A%FF", SIMPLE)).contains(key);
    }

    @Test
    void keysOfDifferentTypesWithTheSameText_getDifferentTokens() {
        String string = KeyToken.encode(key("1"));
        String number = KeyToken.encode(ItemKey.of("pk", n("1")));
        String binary = KeyToken.encode(ItemKey.of("pk", new AttributeValue.B(Bytes.of((byte) '1'))));

        assertThat(string).isEqualTo("S-1");
        assertThat(number).isEqualTo("N-1");
        assertThat(binary).isEqualTo("B-1");
    }

    @Test
    void tokenOf200Characters_isNotShortened() {
        String token = KeyToken.encode(key("a".repeat(198)));

        assertThat(token).hasSize(200).isEqualTo("S-" + "a".repeat(198));
    }

    @Test
    void tokenOf201Characters_isShortened() {
        assertThat(KeyToken.encode(key("a".repeat(199)))).startsWith("H-S-");
    }

    @Test
    void keyOf2048Characters_isShortened_toItsReadableStartAndTheSha256OfTheFullToken() throws Exception {
        String fullToken = "S-" + "a".repeat(2048);

        String token = KeyToken.encode(key("a".repeat(2048)));

        assertThat(token).isEqualTo("H-S-" + "a".repeat(98) + "~" + sha256Hex(fullToken));
        assertThat(token).matches("H-.*~[0-9a-f]{64}").hasSizeLessThanOrEqualTo(KeyToken.MAX_READABLE_LENGTH);
    }

    @Test
    void shortenedToken_isDeterministic() {
        assertThat(KeyToken.encode(key("日本".repeat(500)))).isEqualTo(KeyToken.encode(key("日本".repeat(500))));
    }

    @Test
    void longKeysDifferingOnlyInTheirLastCharacter_getDifferentTokens() {
        String first = KeyToken.encode(key("x".repeat(2047) + "a"));
        String second = KeyToken.encode(key("x".repeat(2047) + "b"));

        assertThat(readablePart(first)).isEqualTo(readablePart(second));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void longCompositeKeysDifferingOnlyInTheirSortKey_getDifferentTokens() {
        String first = KeyToken.encode(ItemKey.of("pk", s("p".repeat(300)), "sk", s("1")));
        String second = KeyToken.encode(ItemKey.of("pk", s("p".repeat(300)), "sk", s("2")));

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void shortenedToken_decodesToNothing() {
        assertThat(KeyToken.decode(KeyToken.encode(key("a".repeat(2048))), SIMPLE)).isEmpty();
    }

    static IntStream paddings() {
        return IntStream.rangeClosed(90, 100);
    }

    @ParameterizedTest(name = "{0} characters before a slash")
    @MethodSource("paddings")
    void shorteningNeverCutsAnEscapeInTheMiddle(int padding) {
        String token = KeyToken.encode(key("a".repeat(padding) + "/" + "b".repeat(300)));

        assertThat(readablePart(token)).matches(WHOLE_ESCAPES).hasSizeGreaterThanOrEqualTo(98);
    }

    @ParameterizedTest(name = "{0} characters before a run of multi-byte characters")
    @MethodSource("paddings")
    void shorteningNeverCutsAMultiByteEscapeInTheMiddle(int padding) {
        String token = KeyToken.encode(key("a".repeat(padding) + "日本😀".repeat(40)));

        assertThat(readablePart(token)).matches(WHOLE_ESCAPES).hasSizeGreaterThanOrEqualTo(98);
    }

    @Test
    void escapeStartingAtTheHundredthCharacter_isLeftOutWhole() {
        String token = KeyToken.encode(key("a".repeat(97) + "/" + "b".repeat(300)));

        assertThat(readablePart(token)).isEqualTo("S-" + "a".repeat(97));
    }

    @Test
    void escapeStartingAtTheNinetyNinthCharacter_isLeftOutWhole() {
        String token = KeyToken.encode(key("a".repeat(96) + "/" + "b".repeat(300)));

        assertThat(readablePart(token)).isEqualTo("S-" + "a".repeat(96));
    }

    @Test
    void escapeEndingAtTheHundredthCharacter_isKept() {
        String token = KeyToken.encode(key("a".repeat(95) + "/" + "b".repeat(300)));

        assertThat(readablePart(token)).isEqualTo("S-" + "a".repeat(95) + "%2F");
    }

    @Test
    void decode_ofACompositeTokenWithASimpleSchema_isRejected_namingTheToken() {
        assertThatThrownBy(() -> KeyToken.decode("S-a~S-b", SIMPLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'S-a~S-b'");
    }

    @Test
    void decode_ofASimpleTokenWithACompositeSchema_isRejected() {
        assertThatThrownBy(() -> KeyToken.decode("S-a", COMPOSITE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decode_ofAPartWithoutTypePrefix_isRejected() {
        assertThatThrownBy(() -> KeyToken.decode("abc", SIMPLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'abc'");
    }

    @Test
    void decode_ofAnUnknownType_isRejected() {
        assertThatThrownBy(() -> KeyToken.decode("Q-abc", SIMPLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown type");
    }

    @Test
    void decode_ofATruncatedEscape_isRejected() {
        assertThatThrownBy(() -> KeyToken.decode("S-a%2", SIMPLE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("truncated escape");
    }

    @Test
    void loneSurrogate_cannotBeAKey_soItCannotShareTheTokenOfAQuestionMark() {
        assertThatThrownBy(() -> key("\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unpaired surrogate");
        assertThat(KeyToken.encode(key("\uD83D\uDE00"))).isEqualTo("S-%F0%9F%98%80");
    }
}
