package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.expiry.TtlFinding;

/**
 * What a TTL hygiene audit counts: the TTL values DynamoDB will never act on (one per
 * {@link TtlFinding}), and expired items DynamoDB should have swept but has not.
 */
public enum TtlAuditFinding {

    MISSING("the item has no TTL attribute: it never expires"),
    STRING_TYPED("the TTL is a String: DynamoDB only honours Numbers, so it never expires"),
    WRONG_TYPE("the TTL is neither Number nor String (a map, a set, a boolean...): it never expires"),
    MILLISECONDS("the TTL is in epoch milliseconds: read as seconds it lies millennia away, so it never expires"),
    MICROSECONDS("the TTL is in epoch microseconds: it never expires"),
    NANOSECONDS("the TTL is in epoch nanoseconds: it never expires"),
    OUT_OF_RANGE("the TTL is a Number that is no plausible epoch time in any unit: it never expires"),
    EXPIRED_NOT_SWEPT("the TTL passed longer ago than the sweep grace, yet the item is still there: is TTL enabled on this attribute?"),
    BEYOND_SWEEP_HORIZON("the TTL lies more than five years in the past: DynamoDB ignores such values and never deletes the item");

    private final String meaning;

    TtlAuditFinding(String meaning) {
        this.meaning = meaning;
    }

    /** A sentence for reports and documentation. */
    public String meaning() {
        return meaning;
    }

    /** The audit finding for a reason an item never expires. */
    public static TtlAuditFinding of(TtlFinding finding) {
        // Java 17 has no pattern switch: the chain names every permitted type, and the last line fails loudly.
        if (finding instanceof TtlFinding.Missing) {
            return MISSING;
        }
        if (finding instanceof TtlFinding.StringTyped) {
            return STRING_TYPED;
        }
        if (finding instanceof TtlFinding.WrongType) {
            return WRONG_TYPE;
        }
        if (finding instanceof TtlFinding.Milliseconds) {
            return MILLISECONDS;
        }
        if (finding instanceof TtlFinding.Microseconds) {
            return MICROSECONDS;
        }
        if (finding instanceof TtlFinding.Nanoseconds) {
            return NANOSECONDS;
        }
        if (finding instanceof TtlFinding.OutOfRange) {
            return OUT_OF_RANGE;
        }
        throw new IllegalStateException("no audit finding for " + finding);
    }
}
