package dev.lifecycle.domain.expiry;

import dev.lifecycle.domain.item.AttributeType;
import java.time.Instant;

/** Why an item's TTL attribute will never make DynamoDB expire it: the classic TTL bugs, each named. */
public sealed interface TtlFinding {

    String attribute();

    /** A sentence for reports and logs. */
    String describe();

    /** The item has no TTL attribute at all. */
    record Missing(String attribute) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' is missing";
        }
    }

    /** The TTL is a String, for example {@code "1767225600"}; DynamoDB only honours Numbers. */
    record StringTyped(String attribute, String raw) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' is a String ('" + raw + "'); TTL must be a Number";
        }
    }

    /** The TTL has a type that is neither Number nor String (a map, a set, a boolean...). */
    record WrongType(String attribute, AttributeType type) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' is of type " + type + "; TTL must be a Number";
        }
    }

    /** Epoch milliseconds where seconds were due: read as seconds, the date lies millennia away. */
    record Milliseconds(String attribute, String raw, Instant probablyMeant) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' holds " + raw + ", epoch milliseconds (probably " + probablyMeant
                    + "); TTL must be epoch seconds";
        }
    }

    /** Epoch microseconds where seconds were due. */
    record Microseconds(String attribute, String raw, Instant probablyMeant) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' holds " + raw + ", epoch microseconds (probably " + probablyMeant
                    + "); TTL must be epoch seconds";
        }
    }

    /** Epoch nanoseconds where seconds were due. */
    record Nanoseconds(String attribute, String raw, Instant probablyMeant) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' holds " + raw + ", epoch nanoseconds (probably " + probablyMeant
                    + "); TTL must be epoch seconds";
        }
    }

    /** A Number that is no plausible point in time in any unit. */
    record OutOfRange(String attribute, String raw) implements TtlFinding {
        @Override
        public String describe() {
            return "attribute '" + attribute + "' holds " + raw + ", which is no plausible epoch time";
        }
    }
}
