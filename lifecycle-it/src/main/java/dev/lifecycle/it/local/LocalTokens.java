package dev.lifecycle.it.local;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Signing for the local platform: an RSA 2048 key pair made at start-up and RS256 JSON Web Tokens
 * signed with it, in the shape SmallRye JWT verifies (issuer, {@code upn}, {@code groups}). The
 * private key never leaves memory: tokens of an earlier start do not verify against a later key.
 */
public final class LocalTokens {

    /** The {@code iss} of every token, and what the admin API is told to expect. */
    public static final String ISSUER = "lifecycle-local";

    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Encoder BASE64_URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair keys;

    private LocalTokens(KeyPair keys) {
        this.keys = keys;
    }

    /** A fresh RSA 2048 key pair. */
    public static LocalTokens generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new LocalTokens(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK can make RSA keys", e);
        }
    }

    public RSAPublicKey publicKey() {
        return (RSAPublicKey) keys.getPublic();
    }

    /** The public key as PEM ({@code BEGIN PUBLIC KEY}, X.509 SubjectPublicKeyInfo), for {@code mp.jwt.verify.publickey.location}. */
    public String publicKeyPem() {
        return pem(keys.getPublic());
    }

    /**
     * A signed token for {@code user} (its {@code sub} and {@code upn}) in {@code groups}, issued
     * {@code now} and valid for {@code validity}, with a unique {@code jti}.
     */
    public String mint(String user, List<String> groups, Instant now, Duration validity) {
        String header = BASE64_URL.encodeToString(json(json -> {
            json.writeStringField("alg", "RS256");
            json.writeStringField("typ", "JWT");
        }));
        String claims = BASE64_URL.encodeToString(json(json -> {
            json.writeStringField("iss", ISSUER);
            json.writeStringField("sub", user);
            json.writeStringField("upn", user);
            json.writeArrayFieldStart("groups");
            for (String group : groups) {
                json.writeString(group);
            }
            json.writeEndArray();
            json.writeNumberField("iat", now.getEpochSecond());
            json.writeNumberField("exp", now.plus(validity).getEpochSecond());
            json.writeStringField("jti", UUID.randomUUID().toString());
        }));
        String signingInput = header + "." + claims;
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64_URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with SHA256withRSA failed", e);
        }
    }

    /** PEM text for a public key: Base64 of its X.509 encoding in lines of 64 characters. */
    static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    private static byte[] json(JsonFields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    private interface JsonFields {
        void write(JsonGenerator json) throws IOException;
    }
}
