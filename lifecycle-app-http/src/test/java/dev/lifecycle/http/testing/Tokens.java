package dev.lifecycle.http.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Set;

/** Bearer tokens for tests, signed with the test key the application trusts (or deliberately not). */
public final class Tokens {

    public static final String ISSUER = "https://lifecycle.test";

    private Tokens() {
    }

    public static String admin() {
        return Jwt.issuer(ISSUER).upn("alice").groups(Set.of("lifecycle-admin")).sign();
    }

    public static String admin(String name) {
        return Jwt.issuer(ISSUER).upn(name).groups(Set.of("lifecycle-admin")).sign();
    }

    public static String viewer() {
        return Jwt.issuer(ISSUER).upn("victor").groups(Set.of("lifecycle-viewer")).sign();
    }

    public static String noRoles() {
        return Jwt.issuer(ISSUER).upn("nora").groups(Set.of("some-other-team")).sign();
    }

    public static String expired() {
        return Jwt.issuer(ISSUER).upn("alice").groups(Set.of("lifecycle-admin"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    public static String wrongIssuer() {
        return Jwt.issuer("https://someone-else.example").upn("alice").groups(Set.of("lifecycle-admin")).sign();
    }

    public static String signedByAnotherKey() {
        try {
            PrivateKey other = KeyUtils.readPrivateKey("test-jwt/otherPrivateKey.pem");
            return Jwt.issuer(ISSUER).upn("alice").groups(Set.of("lifecycle-admin")).sign(other);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An admin token whose signature is stripped: the "alg none" trick. */
    public static String unsigned() {
        String[] parts = admin().split("\\.");
        String header = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return header + "." + parts[1] + ".";
    }
}
