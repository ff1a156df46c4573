package dev.lifecycle.domain.item;

/** Checks on text that DynamoDB stores as UTF-8. */
public final class Text {

    private Text() {
    }

    /**
     * Rejects unpaired UTF-16 surrogates: they have no UTF-8 form, so DynamoDB can never hold
     * them, and Java would silently turn each into '?' (two different strings, one encoding).
     */
    public static String requireWellFormed(String value, String what) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i + " (not valid UTF-8)");
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(what + " has an unpaired surrogate at index " + i + " (not valid UTF-8)");
            }
        }
        return value;
    }
}
