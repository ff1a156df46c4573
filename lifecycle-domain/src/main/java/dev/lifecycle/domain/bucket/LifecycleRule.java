package dev.lifecycle.domain.bucket;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One S3 lifecycle rule as far as the platform understands it: a key prefix, transitions by age, an
 * optional expiration, an optional expiration of noncurrent versions (days after they became
 * noncurrent), enabled or not. {@code extras} names, in words, whatever else the rule holds that the
 * platform does not manage (tag or size filters, noncurrent-version transitions, dates, ...): the
 * platform's own rule has none. The platform names its rules {@code lifecycle-<policy id>}
 * and leaves every other rule alone.
 */
public record LifecycleRule(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays,
                            Optional<Integer> noncurrentExpirationDays, boolean enabled, List<String> extras) {

    public LifecycleRule {
        if (id == null || id.isEmpty() || id.length() > 255) {
            throw new IllegalArgumentException("lifecycle rule id must be 1 to 255 characters, was '" + id + "'");
        }
        if (prefix == null) {
            throw new IllegalArgumentException("lifecycle rule prefix must not be null (use \"\")");
        }
        if (transitions == null) {
            throw new IllegalArgumentException("lifecycle rule transitions must not be null (use an empty list)");
        }
        transitions = transitions.stream().sorted(Comparator.comparingInt(Transition::days)).toList();
        if (expirationDays == null) {
            throw new IllegalArgumentException("expirationDays must be Optional.empty(), not null");
        }
        expirationDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("expiration must be at least 1 day, was " + days);
            }
        });
        if (noncurrentExpirationDays == null) {
            throw new IllegalArgumentException("noncurrentExpirationDays must be Optional.empty(), not null");
        }
        noncurrentExpirationDays.ifPresent(days -> {
            if (days < 1) {
                throw new IllegalArgumentException("noncurrent-version expiration must be at least 1 day, was " + days);
            }
        });
        extras = extras == null ? null : List.copyOf(extras);
        if (extras == null) {
            throw new IllegalArgumentException("extras must not be null (use an empty list)");
        }
    }

    /** An enabled rule with only a prefix, transitions and an expiration. */
    public static LifecycleRule of(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays) {
        return of(id, prefix, transitions, expirationDays, Optional.empty());
    }

    /** An enabled rule with a prefix, transitions and expirations: the shape of the platform's rules. */
    public static LifecycleRule of(String id, String prefix, List<Transition> transitions, Optional<Integer> expirationDays,
                                   Optional<Integer> noncurrentExpirationDays) {
        return new LifecycleRule(id, prefix, transitions, expirationDays, noncurrentExpirationDays, true, List.of());
    }

    /** "prefix 'archive/orders/': STANDARD_IA after 30 days, expire after 365 days" and so on. */
    public String describe() {
        StringBuilder text = new StringBuilder("prefix '").append(prefix).append("'");
        String separator = ": ";
        for (Transition transition : transitions) {
            text.append(separator).append(transition.storageClass()).append(" after ").append(transition.days()).append(" days");
            separator = ", ";
        }
        if (expirationDays.isPresent()) {
            text.append(separator).append("expire after ").append(expirationDays.get()).append(" days");
            separator = ", ";
        }
        if (noncurrentExpirationDays.isPresent()) {
            text.append(separator).append("delete noncurrent versions ").append(noncurrentExpirationDays.get())
                    .append(" days after they became noncurrent");
            separator = ", ";
        }
        if (!extras.isEmpty()) {
            text.append(separator).append("also ").append(String.join(", ", extras));
        }
        if (!enabled) {
            text.append(" (disabled)");
        }
        return text.toString();
    }

    /** A transition of objects to a storage class once they are {@code days} old. */
    public record Transition(StorageClass storageClass, int days) {
        public Transition {
            if (storageClass == null || days < 0) {
                throw new IllegalArgumentException("a transition needs a storage class and non-negative days, was "
                        + storageClass + " after " + days);
            }
        }
    }
}
