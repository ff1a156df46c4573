package dev.lifecycle.domain.hold;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How conflicting rules combine: a hold beats everything; retention beats deletion; the longest
 * period wins. Something is deletable only if a deletion rule exists, and then only once every
 * claim's date has passed.
 */
public final class RetentionRules {

    private RetentionRules() {
    }

    public static EffectiveRetention resolve(List<RetentionClaim> claims) {
        List<LegalHold> holds = claims.stream().filter(RetentionClaim.Held.class::isInstance)
                .map(claim -> ((RetentionClaim.Held) claim).hold()).toList();
        if (!holds.isEmpty()) {
            return new EffectiveRetention.HeldIndefinitely(holds);
        }
        boolean anyDeletion = claims.stream().anyMatch(RetentionClaim.DeleteAfter.class::isInstance);
        if (!anyDeletion) {
            return new EffectiveRetention.RetainedIndefinitely();
        }
        record Dated(Instant at, String source) {
        }
        Dated latest = claims.stream()
                .map(claim -> claim instanceof RetentionClaim.DeleteAfter d ? new Dated(d.at(), d.source())
                        : new Dated(((RetentionClaim.RetainUntil) claim).until(), ((RetentionClaim.RetainUntil) claim).source()))
                .max(Comparator.comparing(Dated::at))
                .orElseThrow();
        return new EffectiveRetention.DeletableFrom(latest.at(), latest.source());
    }

    /** May the platform delete, now? Empty when it may; otherwise the reason it may not. */
    public static Optional<String> deletionBlocked(List<RetentionClaim> claims, Instant now) {
        EffectiveRetention effective = resolve(claims);
        if (effective instanceof EffectiveRetention.HeldIndefinitely held) {
            return Optional.of("held by " + held.holds().stream().map(h -> h.id().value()).toList());
        }
        if (effective instanceof EffectiveRetention.RetainedIndefinitely) {
            return Optional.of("no rule deletes it");
        }
        EffectiveRetention.DeletableFrom deletable = (EffectiveRetention.DeletableFrom) effective;
        return deletable.from().isAfter(now)
                ? Optional.of("kept until " + deletable.from() + " by " + deletable.decidedBy())
                : Optional.empty();
    }
}
