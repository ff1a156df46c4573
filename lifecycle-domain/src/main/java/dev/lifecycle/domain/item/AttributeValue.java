package dev.lifecycle.domain.item;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lossless DynamoDB attribute value. Numbers keep their decimal text (never a double), binaries
 * keep their bytes, sets are unordered for equality but remember the order they arrived in, and
 * maps keep their insertion order for faithful output.
 */
public sealed interface AttributeValue
        permits KeyValue, AttributeValue.SS, AttributeValue.NS, AttributeValue.BS,
                AttributeValue.M, AttributeValue.L, AttributeValue.Null, AttributeValue.Bool {

    AttributeType type();

    static S s(String value) {
        return new S(value);
    }

    static N n(String value) {
        return new N(value);
    }

    static N n(long value) {
        return new N(Long.toString(value));
    }

    static B b(byte... value) {
        return new B(Bytes.of(value));
    }

    static Null nul() {
        return Null.INSTANCE;
    }

    static Bool bool(boolean value) {
        return value ? Bool.TRUE : Bool.FALSE;
    }

    /** A String value. DynamoDB allows the empty string outside keys. */
    record S(String value) implements KeyValue {
        public S {
            if (value == null) {
                throw new IllegalArgumentException("S value must not be null");
            }
            Text.requireWellFormed(value, "S value");
        }

        @Override
        public AttributeType type() {
            return AttributeType.S;
        }

        @Override
        public String asText() {
            return value;
        }
    }

    /**
     * A Number value. The text is kept exactly as given; equality is numeric, so {@code 1.50} equals
     * {@code 1.5}. DynamoDB's limits apply: at most 38 significant digits, magnitude between 1E-130
     * and 9.99...E+125, or zero.
     */
    record N(String value) implements KeyValue {
        public static final int MAX_SIGNIFICANT_DIGITS = 38;
        /**
         * The longest number text read. DynamoDB's longest plain spelling has 170 characters (a sign,
         * 129 zeros, 38 digits); the rest is room for other spellings. A longer text is refused before
         * it is parsed, since BigDecimal parses in quadratic time (two million digits: minutes).
         */
        public static final int MAX_TEXT_LENGTH = 1_000;
        private static final BigDecimal SMALLEST_MAGNITUDE = new BigDecimal("1E-130");
        private static final BigDecimal MAGNITUDE_LIMIT = new BigDecimal("1E+126");
        private static final java.util.regex.Pattern NUMBER_SYNTAX =
                java.util.regex.Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

        public N {
            if (value == null) {
                throw new IllegalArgumentException("N value must not be null");
            }
            // At most 20 characters of -?digits(.digits)?: inside every limit below, with no need to parse it.
            if (!isShortPlain(value)) {
                validate(value);
            }
        }

        private static void validate(String value) {
            if (value.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("N value '" + value.substring(0, 40) + "...' is " + value.length()
                        + " characters long; no DynamoDB number needs more than " + MAX_TEXT_LENGTH);
            }
            if (!NUMBER_SYNTAX.matcher(value).matches()) {
                throw new IllegalArgumentException("N value '" + value + "' is not a decimal number (ASCII digits, sign, point, exponent)");
            }
            BigDecimal parsed = parse(value);
            BigDecimal stripped = parsed.stripTrailingZeros();
            if (stripped.precision() > MAX_SIGNIFICANT_DIGITS) {
                throw new IllegalArgumentException("N value '" + value + "' has " + stripped.precision()
                        + " significant digits; DynamoDB allows at most " + MAX_SIGNIFICANT_DIGITS);
            }
            BigDecimal magnitude = parsed.abs();
            if (parsed.signum() != 0
                    && (magnitude.compareTo(SMALLEST_MAGNITUDE) < 0 || magnitude.compareTo(MAGNITUDE_LIMIT) >= 0)) {
                throw new IllegalArgumentException("N value '" + value
                        + "' is outside DynamoDB's range (magnitude 1E-130 to 9.9999999999999999999999999999999999999E+125)");
            }
        }

        private static BigDecimal parse(String value) {
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("N value '" + value + "' is not a decimal number", e);
            }
        }

        public BigDecimal toBigDecimal() {
            return new BigDecimal(value);
        }

        /** The one text every numerically equal value shares: no exponent, no trailing zeros. */
        public String canonical() {
            return isShortPlain(value) ? plainCanonical(value) : toBigDecimal().stripTrailingZeros().toPlainString();
        }

        /** {@code -?digits(.digits)?} in at most 20 characters: the numbers items hold, read without BigDecimal. */
        private static boolean isShortPlain(String value) {
            int length = value.length();
            if (length == 0 || length > 20) {
                return false;
            }
            int i = value.charAt(0) == '-' ? 1 : 0;
            int digitsBeforePoint = 0;
            while (i < length && isDigit(value.charAt(i))) {
                i++;
                digitsBeforePoint++;
            }
            if (digitsBeforePoint == 0) {
                return false;
            }
            if (i == length) {
                return true;
            }
            if (value.charAt(i) != '.' || i == length - 1) {
                return false;
            }
            for (i++; i < length; i++) {
                if (!isDigit(value.charAt(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** What {@code stripTrailingZeros().toPlainString()} gives for a short plain number, computed on the text. */
        private static String plainCanonical(String value) {
            boolean negative = value.charAt(0) == '-';
            int start = negative ? 1 : 0;
            int point = value.indexOf('.');
            int integerEnd = point < 0 ? value.length() : point;
            int integerStart = start;
            while (integerStart < integerEnd - 1 && value.charAt(integerStart) == '0') {
                integerStart++;
            }
            int end = value.length();
            if (point >= 0) {
                while (end > point + 1 && value.charAt(end - 1) == '0') {
                    end--;
                }
                if (end == point + 1) {
                    end = point; // nothing left of the fraction: no point either
                }
            }
            boolean zero = end == integerEnd && integerEnd - integerStart == 1 && value.charAt(integerStart) == '0';
            if (zero) {
                return "0";
            }
            if (integerStart == start && end == value.length()) {
                return value; // already canonical: the common case, no copy
            }
            String digits = value.substring(integerStart, end);
            return negative ? "-" + digits : digits;
        }

        @Override
        public AttributeType type() {
            return AttributeType.N;
        }

        @Override
        public String asText() {
            return value;
        }

        @Override
        public boolean equals(Object o) {
            // Numerically equal values, and only they, share their canonical text.
            return o instanceof N other && canonical().equals(other.canonical());
        }

        @Override
        public int hashCode() {
            return canonical().hashCode();
        }
    }

    /** A Binary value. */
    record B(Bytes value) implements KeyValue {
        public B {
            if (value == null) {
                throw new IllegalArgumentException("B value must not be null");
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.B;
        }

        @Override
        public String asText() {
            return value.toBase64();
        }
    }

    /** A String Set: non-empty, no duplicates, order ignored by equality. */
    record SS(Set<String> values) implements AttributeValue {
        public SS {
            values = checkedSet("SS", values);
            values.forEach(member -> Text.requireWellFormed(member, "SS member"));
        }

        public static SS of(String... values) {
            return new SS(distinct("SS", Arrays.asList(values)));
        }

        @Override
        public AttributeType type() {
            return AttributeType.SS;
        }
    }

    /** A Number Set: non-empty, no two numerically equal members, order ignored by equality. */
    record NS(Set<N> values) implements AttributeValue {
        public NS {
            values = checkedSet("NS", values);
        }

        public static NS of(String... values) {
            return new NS(distinct("NS", Arrays.stream(values).map(v -> v == null ? null : new N(v)).toList()));
        }

        @Override
        public AttributeType type() {
            return AttributeType.NS;
        }
    }

    /** A Binary Set: non-empty, no duplicates, order ignored by equality. */
    record BS(Set<Bytes> values) implements AttributeValue {
        public BS {
            values = checkedSet("BS", values);
        }

        public static BS of(Bytes... values) {
            return new BS(distinct("BS", Arrays.asList(values)));
        }

        @Override
        public AttributeType type() {
            return AttributeType.BS;
        }
    }

    /** A Map: nested attributes by name, in the order they were given. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            // An AttributeMap is immutable and was checked as it was built (empty names are fine in a map).
            values = values instanceof AttributeMap checked ? checked : checkedMap("M", values);
        }

        @Override
        public AttributeType type() {
            return AttributeType.M;
        }
    }

    /** A List: values in order, possibly empty, of any types. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            if (values == null) {
                throw new IllegalArgumentException("L values must not be null");
            }
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == null) {
                    throw new IllegalArgumentException("L element " + i + " must not be null");
                }
            }
            values = List.copyOf(values);
        }

        public static L of(AttributeValue... values) {
            return new L(Arrays.asList(values));
        }

        @Override
        public AttributeType type() {
            return AttributeType.L;
        }
    }

    /** The NULL value ({@code {"NULL": true}}). */
    enum Null implements AttributeValue {
        INSTANCE;

        @Override
        public AttributeType type() {
            return AttributeType.NULL;
        }
    }

    /** A Boolean value. */
    enum Bool implements AttributeValue {
        TRUE, FALSE;

        public boolean value() {
            return this == TRUE;
        }

        @Override
        public AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    private static <T> Set<T> checkedSet(String type, Set<T> values) {
        if (values == null) {
            throw new IllegalArgumentException(type + " values must not be null");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException(type + " must have at least one member (DynamoDB has no empty sets)");
        }
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(type + " must not contain null");
            }
        }
        return Collections.unmodifiableSet(new LinkedHashSet<>(values));
    }

    private static <T> Set<T> distinct(String type, Collection<T> values) {
        Set<T> set = new LinkedHashSet<>();
        for (T value : values) {
            if (value == null) {
                throw new IllegalArgumentException(type + " must not contain null");
            }
            if (!set.add(value)) {
                throw new IllegalArgumentException(type + " contains the member " + value + " twice");
            }
        }
        return set;
    }

    private static Map<String, AttributeValue> checkedMap(String type, Map<String, AttributeValue> values) {
        if (values == null) {
            throw new IllegalArgumentException(type + " values must not be null");
        }
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (name == null) {
                throw new IllegalArgumentException(type + " has a null attribute name");
            }
            Text.requireWellFormed(name, type + " attribute name");
            if (value == null) {
                throw new IllegalArgumentException(type + " attribute '" + name + "' has a null value");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /** Builds a list from any collection, for callers that assemble values dynamically. */
    static L listOf(Collection<? extends AttributeValue> values) {
        return new L(new ArrayList<>(values));
    }
}
