package dev.lifecycle.adapters.aws.dynamodb;

import dev.lifecycle.domain.item.AttributeValue;
import dev.lifecycle.domain.item.Bytes;
import dev.lifecycle.domain.item.Item;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;

/** Converts AWS SDK v2 attribute values to domain values and back, losslessly (number text, bytes, order). */
public final class SdkAttributeValues {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private SdkAttributeValues() {
    }

    // ---------------------------------------------------------------- SDK to domain

    /** The domain value of an SDK value; errors start with the path of the culprit, e.g. {@code value.M.zip}. */
    public static AttributeValue toDomain(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        try {
            return domainValue(value);
        } catch (PathedError e) {
            throw e.toException("value");
        }
    }

    /** An item from an SDK attribute map (a {@code GetItem} result, a stream image). */
    public static Item toItem(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes) {
        return toItem(attributes, "item");
    }

    /** An item from an SDK attribute map; errors name paths under {@code path}, e.g. {@code dynamodb.OldImage}. */
    public static Item toItem(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes,
                              String path) {
        Map<String, AttributeValue> converted = toDomainAttributes(attributes, path);
        try {
            return new Item(converted);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    /** Domain attributes from an SDK attribute map, in its order (a stream record's {@code Keys}, for one). */
    public static Map<String, AttributeValue> toDomainAttributes(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes) {
        return toDomainAttributes(attributes, "attributes");
    }

    /** Domain attributes from an SDK attribute map; errors name paths under {@code path}, e.g. {@code dynamodb.Keys}. */
    public static Map<String, AttributeValue> toDomainAttributes(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> attributes, String path) {
        if (attributes == null) {
            throw new IllegalArgumentException(path + ": is missing");
        }
        try {
            return domainMembers(attributes);
        } catch (PathedError e) {
            throw e.toException(path);
        }
    }

    private static AttributeValue domainValue(software.amazon.awssdk.services.dynamodb.model.AttributeValue value) {
        if (value == null) {
            throw new PathedError("value is null");
        }
        // The type decides, never the getters: ss(), m() and the others answer an empty
        // auto-constructed collection for a value of another type.
        software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type type = value.type();
        if (type == null) {
            throw new PathedError("has more than one type set (the SDK reports no type)");
        }
        try {
            return switch (type) {
                case S -> AttributeValue.s(value.s());
                case N -> AttributeValue.n(value.n());
                case B -> new AttributeValue.B(domainBytes(value.b()));
                case SS -> new AttributeValue.SS(domainSet("SS", value.ss(), member -> member));
                case NS -> new AttributeValue.NS(domainSet("NS", value.ns(), AttributeValue::n));
                case BS -> new AttributeValue.BS(domainSet("BS", value.bs(), SdkAttributeValues::domainBytes));
                case M -> new AttributeValue.M(nestedMembers(value.m()));
                case L -> new AttributeValue.L(domainElements(value.l()));
                case NUL -> {
                    if (!Boolean.TRUE.equals(value.nul())) {
                        throw new IllegalArgumentException("NUL value must be true, was " + value.nul());
                    }
                    yield AttributeValue.nul();
                }
                case BOOL -> {
                    if (value.bool() == null) {
                        throw new IllegalArgumentException("BOOL value must not be null");
                    }
                    yield AttributeValue.bool(value.bool());
                }
                case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException(
                        "has no value, or one of a type this SDK version does not know");
            };
        } catch (PathedError e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new PathedError(e.getMessage());
        }
    }

    private static Map<String, AttributeValue> domainMembers(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> members) {
        Map<String, AttributeValue> converted = new LinkedHashMap<>();
        for (Map.Entry<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> member : members.entrySet()) {
            try {
                converted.put(member.getKey(), domainValue(member.getValue()));
            } catch (PathedError e) {
                throw e.under(member.getKey());
            }
        }
        return converted;
    }

    private static Map<String, AttributeValue> nestedMembers(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> members) {
        try {
            return domainMembers(members);
        } catch (PathedError e) {
            throw e.under("M");
        }
    }

    private static List<AttributeValue> domainElements(List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> elements) {
        List<AttributeValue> converted = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            try {
                converted.add(domainValue(elements.get(i)));
            } catch (PathedError e) {
                throw e.underIndex(i).under("L");
            }
        }
        return converted;
    }

    /** Members in order; a duplicate is an error, as DynamoDB never returns a set with duplicates. */
    private static <S, T> Set<T> domainSet(String type, List<S> members, Function<S, T> convert) {
        Set<T> converted = new LinkedHashSet<>();
        for (int i = 0; i < members.size(); i++) {
            T member;
            try {
                member = convert.apply(members.get(i));
            } catch (IllegalArgumentException e) {
                throw new PathedError(e.getMessage()).underIndex(i).under(type);
            }
            if (!converted.add(member)) {
                throw new PathedError(type + " member " + members.get(i) + " appears twice (DynamoDB sets have no duplicates)")
                        .underIndex(i).under(type);
            }
        }
        return converted;
    }

    private static Bytes domainBytes(SdkBytes bytes) {
        if (bytes == null) {
            throw new IllegalArgumentException("binary value must not be null");
        }
        // Bytes.of copies, so the SDK's array is never shared
        return Bytes.of(bytes.asByteArrayUnsafe());
    }

    // ---------------------------------------------------------------- domain to SDK

    /** The SDK value of a domain value. */
    public static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue value) {
        return switch (value.type()) {
            case S -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(((AttributeValue.S) value).value());
            case N -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN(((AttributeValue.N) value).value());
            case B -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromB(sdkBytes(((AttributeValue.B) value).value()));
            case SS -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(
                    List.copyOf(((AttributeValue.SS) value).values()));
            case NS -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNs(
                    ((AttributeValue.NS) value).values().stream().map(AttributeValue.N::value).toList());
            case BS -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBs(
                    ((AttributeValue.BS) value).values().stream().map(SdkAttributeValues::sdkBytes).toList());
            case M -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromM(toSdkAttributes(((AttributeValue.M) value).values()));
            case L -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromL(
                    ((AttributeValue.L) value).values().stream().map(SdkAttributeValues::toSdk).toList());
            case NULL -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromNul(true);
            case BOOL -> software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(((AttributeValue.Bool) value).value());
        };
    }

    /** The SDK attribute map of an item, in the item's order (for {@code PutItem}). */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdkItem(Item item) {
        return toSdkAttributes(item.attributes());
    }

    /** An SDK attribute map, in the given order. */
    public static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdkAttributes(
            Map<String, AttributeValue> attributes) {
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> converted = new LinkedHashMap<>();
        attributes.forEach((name, value) -> converted.put(name, toSdk(value)));
        return converted;
    }

    private static SdkBytes sdkBytes(Bytes bytes) {
        // toArray() is already a copy that nothing else holds
        return SdkBytes.fromByteArrayUnsafe(bytes.toArray());
    }

    // ---------------------------------------------------------------- error paths

    /** A conversion error that collects its path while it unwinds; paths cost nothing unless something fails. */
    private static final class PathedError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Deque<String> segments = new ArrayDeque<>();
        private final String problem;

        PathedError(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        PathedError under(String name) {
            segments.addFirst(PLAIN_NAME.matcher(name).matches() ? name : "[\"" + name.replace("\"", "\\\"") + "\"]");
            return this;
        }

        PathedError underIndex(int index) {
            segments.addFirst("[" + index + "]");
            return this;
        }

        /** The error with its full path: {@code root}, then the segments collected on the way out. */
        IllegalArgumentException toException(String root) {
            StringBuilder path = new StringBuilder(root);
            for (String segment : segments) {
                if (path.length() > 0 && !segment.startsWith("[")) {
                    path.append('.');
                }
                path.append(segment);
            }
            return new IllegalArgumentException(path + ": " + problem, this);
        }
    }
}
