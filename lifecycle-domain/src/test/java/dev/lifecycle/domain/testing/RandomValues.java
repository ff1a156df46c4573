package dev.lifecycle.domain.testing;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.item.KeyValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Seeded generators of DynamoDB values for property tests: every run with the same seed sees the
 * same cases, and a failing case prints its seed so it can be replayed.
 */
public final class RandomValues {

    /** Awkward characters: separators, escapes, non-ASCII, a surrogate pair, controls. */
    private static final String[] ALPHABET = {"a", "Z", "0", "9", "/", "#", " ", "%", "~", ".", "-", "_", "\"", "\\",
            "é", "ß", "日本", "😀", "\n", "\u0001", "+", "=", "&", "?"};

    private final Random random;
    private final long seed;

    public RandomValues(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    /** {@code count} seeds derived from a base seed, for {@code @MethodSource}. */
    public static Stream<Long> seeds(long base, int count) {
        return IntStream.range(0, count).mapToObj(i -> base * 1_000_003L + i);
    }

    public long seed() {
        return seed;
    }

    public String string(int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }

    public String nonEmptyString(int maxLength) {
        String value = string(maxLength);
        return value.isEmpty() ? "k" : value;
    }

    /** A DynamoDB number with up to 38 significant digits, sometimes with exponent or trailing zeros. */
    public AttributeValue.N number() {
        int digits = 1 + random.nextInt(38);
        StringBuilder unscaled = new StringBuilder();
        unscaled.append(1 + random.nextInt(9));
        for (int i = 1; i < digits; i++) {
            unscaled.append(random.nextInt(10));
        }
        String sign = random.nextInt(4) == 0 ? "-" : "";
        int pointAt = random.nextInt(digits + 1);
        String text = pointAt == digits ? unscaled.toString()
                : unscaled.substring(0, Math.max(1, pointAt)) + "." + unscaled.substring(Math.max(1, pointAt)) + "0".repeat(random.nextInt(3));
        if (text.endsWith(".")) {
            text = text + "0";
        }
        if (random.nextInt(5) == 0) {
            text = text + "E" + (random.nextInt(40) - 20);
        }
        return new AttributeValue.N(sign + text);
    }

    public Bytes bytes(int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return Bytes.of(bytes);
    }

    public KeyValue keyValue() {
        return switch (random.nextInt(3)) {
            case 0 -> AttributeValue.s(nonEmptyString(40));
            case 1 -> number();
            default -> {
                Bytes bytes = bytes(24);
                yield new AttributeValue.B(bytes.isEmpty() ? Bytes.of((byte) 0) : bytes);
            }
        };
    }

    public ItemKey itemKey() {
        return random.nextBoolean() ? ItemKey.of("pk", keyValue()) : ItemKey.of("pk", keyValue(), "sk", keyValue());
    }

    /** Any attribute value, nesting at most {@code depth} more levels. */
    public AttributeValue value(int depth) {
        int kinds = depth > 0 ? 10 : 8;
        return switch (random.nextInt(kinds)) {
            case 0 -> AttributeValue.s(string(30));
            case 1 -> number();
            case 2 -> new AttributeValue.B(bytes(30));
            case 3 -> new AttributeValue.SS(distinct(() -> string(10)));
            case 4 -> new AttributeValue.NS(distinct(this::number));
            case 5 -> new AttributeValue.BS(distinct(() -> bytes(8)));
            case 6 -> AttributeValue.nul();
            case 7 -> AttributeValue.bool(random.nextBoolean());
            case 8 -> new AttributeValue.M(attributes(depth - 1, 4));
            default -> AttributeValue.listOf(IntStream.range(0, random.nextInt(4)).mapToObj(i -> value(depth - 1)).toList());
        };
    }

    public Map<String, AttributeValue> attributes(int depth, int maxAttributes) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        int count = random.nextInt(maxAttributes + 1);
        for (int i = 0; i < count; i++) {
            attributes.put(nonEmptyString(12), value(depth));
        }
        return attributes;
    }

    /** An item carrying the given key plus random attributes. */
    public Item item(ItemKey key) {
        Map<String, AttributeValue> attributes = new LinkedHashMap<>(attributes(3, 6));
        attributes.putAll(key.asAttributes());
        return new Item(attributes);
    }

    /** The same value with every set and map rebuilt in another order. */
    public AttributeValue shuffled(AttributeValue value) {
        if (value instanceof AttributeValue.SS ss) {
            return new AttributeValue.SS(shuffledSet(ss.values()));
        }
        if (value instanceof AttributeValue.NS ns) {
            return new AttributeValue.NS(shuffledSet(ns.values()));
        }
        if (value instanceof AttributeValue.BS bs) {
            return new AttributeValue.BS(shuffledSet(bs.values()));
        }
        if (value instanceof AttributeValue.M m) {
            return new AttributeValue.M(shuffledMap(m.values()));
        }
        if (value instanceof AttributeValue.L l) {
            return AttributeValue.listOf(l.values().stream().map(this::shuffled).toList());
        }
        return value;
    }

    public Item shuffled(Item item) {
        return new Item(shuffledMap(item.attributes()));
    }

    private Map<String, AttributeValue> shuffledMap(Map<String, AttributeValue> values) {
        List<String> names = new ArrayList<>(values.keySet());
        Collections.shuffle(names, random);
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        names.forEach(name -> copy.put(name, shuffled(values.get(name))));
        return copy;
    }

    private <T> Set<T> shuffledSet(Set<T> values) {
        List<T> list = new ArrayList<>(values);
        Collections.shuffle(list, random);
        return new LinkedHashSet<>(list);
    }

    private <T> Set<T> distinct(java.util.function.Supplier<T> generator) {
        Set<T> set = new LinkedHashSet<>();
        int size = 1 + random.nextInt(4);
        for (int attempt = 0; set.size() < size && attempt < 20; attempt++) {
            set.add(generator.get());
        }
        return set;
    }

    /** A long in {@code [from, until)}. */
    public long longBetween(long from, long until) {
        return random.nextLong(from, until);
    }

    /** An instant in {@code [from, until)}; one in three falls on a whole second. */
    public Instant instant(Instant from, Instant until) {
        long seconds = longBetween(from.getEpochSecond(), until.getEpochSecond());
        int nanos = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000);
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The same value with every number spelled another way (trailing zeros, exponent), so still equal. */
    public AttributeValue respelled(AttributeValue value) {
        if (value instanceof AttributeValue.N n) {
            return respelled(n);
        }
        if (value instanceof AttributeValue.NS ns) {
            Set<AttributeValue.N> members = new LinkedHashSet<>();
            ns.values().forEach(member -> members.add(respelled(member)));
            return new AttributeValue.NS(members);
        }
        if (value instanceof AttributeValue.M m) {
            return new AttributeValue.M(respelledMap(m.values()));
        }
        if (value instanceof AttributeValue.L l) {
            return AttributeValue.listOf(l.values().stream().map(this::respelled).toList());
        }
        return value;
    }

    public Item respelled(Item item) {
        return new Item(respelledMap(item.attributes()));
    }

    private AttributeValue.N respelled(AttributeValue.N n) {
        BigDecimal number = n.toBigDecimal();
        String text = switch (random.nextInt(4)) {
            case 0 -> number.setScale(number.scale() + 1 + random.nextInt(3)).toPlainString();
            case 1 -> number.toString();
            case 2 -> number.stripTrailingZeros().toEngineeringString();
            default -> n.canonical();
        };
        return new AttributeValue.N(text);
    }

    private Map<String, AttributeValue> respelledMap(Map<String, AttributeValue> values) {
        Map<String, AttributeValue> copy = new LinkedHashMap<>();
        values.forEach((name, value) -> copy.put(name, respelled(value)));
        return copy;
    }

    /** The same item with exactly one attribute value, possibly deep inside a map or list, made different. */
    public Item withOneValueChanged(Item item) {
        List<String> names = new ArrayList<>(item.attributes().keySet());
        String name = names.get(random.nextInt(names.size()));
        return item.with(name, changed(item.attributes().get(name)));
    }

    /**
     * A value that differs from the given one: often a near miss (one more digit in the last place,
     * one more character, one more set member, a change deep inside a map or list), else another
     * random value.
     */
    public AttributeValue changed(AttributeValue value) {
        boolean nearMiss = random.nextBoolean();
        if (nearMiss && value instanceof AttributeValue.M m && !m.values().isEmpty()) {
            List<String> names = new ArrayList<>(m.values().keySet());
            String name = names.get(random.nextInt(names.size()));
            Map<String, AttributeValue> copy = new LinkedHashMap<>(m.values());
            copy.put(name, changed(copy.get(name)));
            return new AttributeValue.M(copy);
        }
        if (nearMiss && value instanceof AttributeValue.L l && !l.values().isEmpty()) {
            List<AttributeValue> copy = new ArrayList<>(l.values());
            int index = random.nextInt(copy.size());
            copy.set(index, changed(copy.get(index)));
            return AttributeValue.listOf(copy);
        }
        if (nearMiss && value instanceof AttributeValue.N n) {
            BigDecimal number = n.toBigDecimal().stripTrailingZeros();
            return new AttributeValue.N(number.add(BigDecimal.ONE.movePointLeft(number.scale())).toString());
        }
        if (nearMiss && value instanceof AttributeValue.S s) {
            return AttributeValue.s(s.value() + ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        if (nearMiss && value instanceof AttributeValue.SS ss) {
            Set<String> members = new LinkedHashSet<>(ss.values());
            String extra = ss.values().iterator().next() + "x";
            while (!members.add(extra)) {
                extra = extra + "x";
            }
            return new AttributeValue.SS(members);
        }
        AttributeValue other = value(1);
        while (other.equals(value)) {
            other = value(1);
        }
        return other;
    }

    @Override
    public String toString() {
        return "seed " + seed;
    }
}
