package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Apply a policy: optionally only if it is still at {@code expectedVersion}, with consent to the
 * NEEDS_CONSENT changes of the settings named in {@code consentTo}, on behalf of {@code actor}.
 */
public record ApplyCommand(PolicyId policy, Optional<PolicyVersion> expectedVersion, Set<Setting> consentTo, String actor) {

    public ApplyCommand {
        if (policy == null || expectedVersion == null || consentTo == null) {
            throw new IllegalArgumentException("apply needs a policy, an expected version (or Optional.empty()) and a consent set (maybe empty)");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("apply names who acts: actor must not be blank");
        }
        consentTo = consentTo.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(consentTo));
    }

    /** Apply whatever version is current, without consent to anything. */
    public static ApplyCommand of(PolicyId policy, String actor) {
        return new ApplyCommand(policy, Optional.empty(), Set.of(), actor);
    }
}
