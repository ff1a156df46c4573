package dev.lifecycle.domain.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.testing.RandomValues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BytesTest {

    static Stream<Long> seeds() {
        return RandomValues.seeds(11, 300);
    }

    @Test
    void changingTheSourceArray_doesNotChangeTheBytes() {
        byte[] source = {1, 2, 3};
        Bytes bytes = Bytes.of(source);

        source[0] = 9;

        assertThat(bytes.toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void changingTheReturnedArray_doesNotChangeTheBytes() {
        Bytes bytes = Bytes.of((byte) 1, (byte) 2);

        bytes.toArray()[0] = 9;

        assertThat(bytes.toArray()).containsExactly(1, 2);
    }

    @Test
    void bytesAreOrderedUnsigned_soFFIsAbove01() {
        assertThat(Bytes.of((byte) 0xFF)).isGreaterThan(Bytes.of((byte) 0x01));
        assertThat(Bytes.of((byte) 0x80)).isGreaterThan(Bytes.of((byte) 0x7F));
    }

    @Test
    void aPrefixSortsBeforeItsExtension() {
        assertThat(Bytes.of((byte) 1)).isLessThan(Bytes.of((byte) 1, (byte) 0));
        assertThat(Bytes.of()).isLessThan(Bytes.of((byte) 0));
    }

    @Test
    void equality_isByContent() {
        assertThat(Bytes.of((byte) 1, (byte) 2)).isEqualTo(Bytes.of((byte) 1, (byte) 2));
        assertThat(Bytes.of((byte) 1, (byte) 2).hashCode()).isEqualTo(Bytes.of((byte) 1, (byte) 2).hashCode());
        assertThat(Bytes.of((byte) 1, (byte) 2)).isNotEqualTo(Bytes.of((byte) 2, (byte) 1));
    }

    @Test
    void base64_isStandardWithPadding() {
        assertThat(Bytes.of((byte) 1, (byte) 2, (byte) 3).toBase64()).isEqualTo("AQID");
        assertThat(Bytes.of((byte) 0xFB, (byte) 0xFF).toBase64()).isEqualTo("+/8=");
        assertThat(Bytes.fromBase64("+/8=")).isEqualTo(Bytes.of((byte) 0xFB, (byte) 0xFF));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void base64_roundTrips(long seed) {
        Bytes bytes = new RandomValues(seed).bytes(64);

        assertThat(Bytes.fromBase64(bytes.toBase64())).as("seed %d", seed).isEqualTo(bytes);
    }

    @Test
    void badBase64_isRejected_namingTheValue() {
        assertThatThrownBy(() -> Bytes.fromBase64("not base64!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'not base64!'");
    }

    @Test
    void urlSafeBase64_isRejected() {
        assertThatThrownBy(() -> Bytes.fromBase64("-_8="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'-_8='");
    }

    @Test
    void nullArray_isRejected() {
        assertThatThrownBy(() -> Bytes.of((byte[]) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void startsWith_comparesLeadingBytes() {
        Bytes bytes = Bytes.of((byte) 1, (byte) 2, (byte) 3);

        assertThat(bytes.startsWith(Bytes.of((byte) 1, (byte) 2))).isTrue();
        assertThat(bytes.startsWith(Bytes.of())).isTrue();
        assertThat(bytes.startsWith(Bytes.of((byte) 2))).isFalse();
        assertThat(Bytes.of((byte) 1).startsWith(bytes)).isFalse();
    }
}
