package dev.lifecycle.http.security;

/** The roles of the admin API, read from the JWT's {@code groups} claim (docs/security.md). */
public final class Roles {

    /** Reads policies, plans, status and history. */
    public static final String VIEWER = "lifecycle-viewer";
    /** Everything a viewer may do, plus declaring, changing, deleting and applying policies. */
    public static final String ADMIN = "lifecycle-admin";

    private Roles() {
    }
}
