package dev.lifecycle.http.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;

/** Who is calling: the authenticated principal's name, as recorded in the audit trail. */
@RequestScoped
public class Actor {

    private final SecurityIdentity identity;

    Actor(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The token's {@code upn}, else {@code preferred_username}, else {@code sub} (SmallRye JWT's principal name). */
    public String name() {
        String name = identity.getPrincipal() == null ? null : identity.getPrincipal().getName();
        if (name == null || name.isBlank()) {
            throw new io.quarkus.security.AuthenticationFailedException("the token names no principal (upn, preferred_username or sub)");
        }
        return name;
    }
}
