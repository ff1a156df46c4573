package dev.lifecycle.it.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final LocalTokens tokens = LocalTokens.generate();

    @Test
    void aMintedToken_verifiesWithThePublicKeyPem() {
        String token = tokens.mint("local-admin", List.of("lifecycle-admin"), NOW, Duration.ofHours(12));

        assertThat(Jwts.signatureVerifies(token, Jwts.publicKeyFromPem(tokens.publicKeyPem()))).isTrue();
    }

    @Test
    void aMintedToken_doesNotVerifyWithAnotherKey() {
        String token = tokens.mint("local-admin", List.of("lifecycle-admin"), NOW, Duration.ofHours(12));

        assertThat(Jwts.signatureVerifies(token, Jwts.publicKeyFromPem(LocalTokens.generate().publicKeyPem()))).isFalse();
    }

    @Test
    void aTamperedToken_doesNotVerify() {
        String token = tokens.mint("local-viewer", List.of("lifecycle-viewer"), NOW, Duration.ofHours(12));
        String other = tokens.mint("local-admin", List.of("lifecycle-admin"), NOW, Duration.ofHours(12));
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + other.split("\\.")[1] + "." + parts[2];

        assertThat(Jwts.signatureVerifies(forged, tokens.publicKey())).isFalse();
    }

    @Test
    void aMintedToken_carriesRs256_issuerUserGroupsAndItsValidity() {
        String token = tokens.mint("local-admin", List.of("lifecycle-admin", "lifecycle-viewer"), NOW, Duration.ofHours(12));

        assertThat(Jwts.header(token).get("alg").asText()).isEqualTo("RS256");
        var claims = Jwts.claims(token);
        assertThat(claims.get("iss").asText()).isEqualTo("lifecycle-local");
        assertThat(claims.get("sub").asText()).isEqualTo("local-admin");
        assertThat(claims.get("upn").asText()).isEqualTo("local-admin");
        assertThat(claims.get("groups")).extracting(node -> node.asText()).containsExactly("lifecycle-admin", "lifecycle-viewer");
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plus(Duration.ofHours(12)).getEpochSecond());
        assertThat(claims.get("jti").asText()).isNotBlank();
    }

    @Test
    void twoTokens_haveDifferentIds() {
        String first = tokens.mint("u", List.of("g"), NOW, Duration.ofMinutes(1));
        String second = tokens.mint("u", List.of("g"), NOW, Duration.ofMinutes(1));

        assertThat(Jwts.claims(first).get("jti")).isNotEqualTo(Jwts.claims(second).get("jti"));
    }

    @Test
    void thePem_isX509SubjectPublicKeyInfo_inLinesOf64() {
        String pem = tokens.publicKeyPem();

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines().filter(line -> !line.startsWith("-----"))).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(Jwts.publicKeyFromPem(pem)).isEqualTo(tokens.publicKey());
    }
}
