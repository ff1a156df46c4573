package dev.lifecycle.domain.item;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map of attribute names to values, in the order they were added, whose names and
 * values were checked as they were added. {@link Item} and {@link AttributeValue.M} take one as it
 * is, where any other map is copied and checked again: a decoder that builds its maps with a
 * {@link Builder} spares every item and nested map one copy.
 */
public final class AttributeMap extends AbstractMap<String, AttributeValue> {

    private final Map<String, AttributeValue> entries;
    private final boolean hasEmptyName;

    private AttributeMap(Map<String, AttributeValue> entries, boolean hasEmptyName) {
        this.entries = Collections.unmodifiableMap(entries);
        this.hasEmptyName = hasEmptyName;
    }

    /** Whether a name is the empty string: allowed in maps, not as an item's attribute name. */
    boolean hasEmptyName() {
        return hasEmptyName;
    }

    @Override
    public AttributeValue get(Object name) {
        return entries.get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return entries.containsKey(name);
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public Set<Entry<String, AttributeValue>> entrySet() {
        return entries.entrySet();
    }

    @Override
    public Set<String> keySet() {
        return entries.keySet();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super AttributeValue> action) {
        entries.forEach(action);
    }

    /** Adds attributes one by one; {@link #build()} hands the map over and ends the builder. */
    public static final class Builder {
        private final String what;
        private LinkedHashMap<String, AttributeValue> entries = new LinkedHashMap<>();
        private boolean hasEmptyName;

        /** @param what how errors name an attribute name, e.g. "attribute name" */
        public Builder(String what) {
            this.what = what;
        }

        /**
         * Adds one attribute; false, and nothing changed, when the name is there already.
         *
         * @throws IllegalArgumentException for a null or ill-formed name (an unpaired surrogate), or a null value
         */
        public boolean add(String name, AttributeValue value) {
            if (entries == null) {
                throw new IllegalStateException("this builder has built its map already");
            }
            if (name == null) {
                throw new IllegalArgumentException(what + " must not be null");
            }
            Text.requireWellFormed(name, what);
            if (value == null) {
                throw new IllegalArgumentException("attribute '" + name + "' has a null value");
            }
            if (entries.putIfAbsent(name, value) != null) {
                return false;
            }
            hasEmptyName |= name.isEmpty();
            return true;
        }

        public AttributeMap build() {
            if (entries == null) {
                throw new IllegalStateException("this builder has built its map already");
            }
            AttributeMap map = new AttributeMap(entries, hasEmptyName);
            entries = null;
            return map;
        }
    }
}
