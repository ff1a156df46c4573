package dev.lifecycle.http.testing;

import java.util.UUID;

/** Policy request bodies for tests, each on its own table so that tests never collide. */
public final class Policies {

    private Policies() {
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid policy body for {@code id}, governing the table of the same name. */
    public static String body(String id) {
        return body(id, "P30D");
    }

    public static String body(String id, String retention) {
        return """
                {"id": "%s", "table": "%s", "partitionKey": "orderId", "ttlAttribute": "expiresAt",
                 "retention": "%s", "archivedCauses": ["TTL", "USER"], "bucket": "acme-archive", "prefix": "archives",
                 "tiers": [{"storageClass": "STANDARD_IA", "afterDays": 30}, {"storageClass": "GLACIER", "afterDays": 120}],
                 "archiveExpiryDays": 400}
                """.formatted(id, id, retention);
    }
}
