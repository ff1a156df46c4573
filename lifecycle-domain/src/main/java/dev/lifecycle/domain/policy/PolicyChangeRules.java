package dev.lifecycle.domain.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What may change in a policy. A table never changes hands; a locked policy may be strengthened
 * (retention longer, more causes archived, archives kept longer, protected harder) but never
 * weakened, and cannot be deleted.
 */
public final class PolicyChangeRules {

    private PolicyChangeRules() {
    }

    /** The outcome of checking a change or a deletion. */
    public sealed interface Decision {
        record Allowed() implements Decision {
        }

        /** Each violation names the field and the rule it breaks. */
        record Rejected(List<Violation> violations) implements Decision {
            public Rejected {
                violations = List.copyOf(violations);
                if (violations.isEmpty()) {
                    throw new IllegalArgumentException("a rejection names at least one rule");
                }
            }
        }
    }

    public static Decision checkChange(RetentionPolicy current, RetentionPolicy proposed) {
        List<Violation> violations = new ArrayList<>();
        if (!current.id().equals(proposed.id())) {
            violations.add(new Violation("id", "a change cannot rename policy '" + current.id() + "'"));
        }
        if (!current.table().equals(proposed.table())) {
            violations.add(new Violation("table", "a policy's table cannot change ('" + current.table()
                    + "'); declare a new policy for '" + proposed.table() + "'"));
        }
        if (current.locked()) {
            violations.addAll(weakenings(current, proposed));
        }
        return violations.isEmpty() ? new Decision.Allowed() : new Decision.Rejected(violations);
    }

    public static Decision checkDeletion(RetentionPolicy current) {
        return current.locked()
                ? new Decision.Rejected(List.of(new Violation("locked", "policy '" + current.id()
                        + "' is locked: a locked policy cannot be deleted")))
                : new Decision.Allowed();
    }

    private static List<Violation> weakenings(RetentionPolicy current, RetentionPolicy proposed) {
        List<Violation> violations = new ArrayList<>();
        String locked = "locked policy: ";
        if (!proposed.locked()) {
            violations.add(new Violation("locked", locked + "it cannot be unlocked"));
        }
        if (proposed.retention().compareTo(current.retention()) < 0) {
            violations.add(new Violation("retention", locked + "retention may grow but not shrink ("
                    + current.retention() + " -> " + proposed.retention() + ")"));
        }
        if (!proposed.archivedCauses().containsAll(current.archivedCauses())) {
            violations.add(new Violation("archivedCauses", locked + "causes may be added but not removed ("
                    + current.archivedCauses() + " -> " + proposed.archivedCauses() + ")"));
        }
        if (!proposed.ttlAttribute().equals(current.ttlAttribute())) {
            violations.add(new Violation("ttlAttribute", locked + "the TTL attribute cannot change"));
        }
        if (!proposed.keySchema().equals(current.keySchema())) {
            violations.add(new Violation("partitionKey", locked + "the key schema cannot change"));
        }
        if (!proposed.destination().samePlaceAs(current.destination())) {
            violations.add(new Violation("bucket", locked + "the archive destination cannot move"));
        }
        if (!covers(proposed.keyFilter(), current.keyFilter())) {
            violations.add(new Violation("keyFilterPrefix", locked + "the key filter may widen but not narrow"));
        }
        if (!keepsAtLeastAsLong(proposed.archiveExpiryDays(), current.archiveExpiryDays())) {
            violations.add(new Violation("archiveExpiryDays", locked + "archives may be kept longer but not shorter ("
                    + describe(current.archiveExpiryDays()) + " -> " + describe(proposed.archiveExpiryDays()) + ")"));
        }
        if (current.objectLock().isPresent() && !proposed.objectLock()
                .map(lock -> lock.atLeastAsStrongAs(current.objectLock().get())).orElse(false)) {
            violations.add(new Violation("objectLock", locked + "the object lock may get stronger or longer, never weaker, shorter or removed"));
        }
        return violations;
    }

    private static boolean covers(Optional<KeyFilter> proposed, Optional<KeyFilter> current) {
        if (proposed.isEmpty()) {
            return true;
        }
        return current.isPresent() && proposed.get().coversAtLeast(current.get());
    }

    private static boolean keepsAtLeastAsLong(Optional<Integer> proposed, Optional<Integer> current) {
        if (proposed.isEmpty()) {
            return true;
        }
        return current.isPresent() && proposed.get() >= current.get();
    }

    private static String describe(Optional<Integer> days) {
        return days.map(d -> d + " days").orElse("forever");
    }
}
