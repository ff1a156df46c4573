package dev.lifecycle.http.policy;

/** Request and response examples shown in the OpenAPI document and Swagger UI. */
final class ApiExamples {

    static final String DECLARE = """
            {
              "id": "orders-retention",
              "table": "orders",
              "partitionKey": "orderId",
              "ttlAttribute": "expiresAt",
              "retention": "P30D",
              "clockStart": "CREATION",
              "archivedCauses": ["TTL", "USER"],
              "bucket": "acme-archive",
              "prefix": "archives",
              "tiers": [
                {"storageClass": "STANDARD_IA", "afterDays": 30},
                {"storageClass": "GLACIER", "afterDays": 120}
              ],
              "archiveExpiryDays": 2555,
              "objectLock": {"mode": "GOVERNANCE", "days": 365},
              "locked": false
            }""";

    static final String CHANGE = """
            {
              "table": "orders",
              "partitionKey": "orderId",
              "ttlAttribute": "expiresAt",
              "retention": "P90D",
              "archivedCauses": ["TTL", "USER"],
              "bucket": "acme-archive",
              "prefix": "archives",
              "tiers": [{"storageClass": "GLACIER", "afterDays": 120}],
              "archiveExpiryDays": 2555
            }""";

    static final String INVALID = """
            {
              "type": "urn:lifecycle:problem:invalid-policy",
              "title": "The policy is invalid",
              "status": 400,
              "detail": "2 fields of the policy are invalid",
              "instance": "/api/v1/policies",
              "violations": [
                {"field": "retention", "reason": "retention 'thirty days' is not an ISO-8601 duration such as P30D or PT12H"},
                {"field": "tiers[1].afterDays", "reason": "a transition to STANDARD_IA needs at least 30 days, was 5"}
              ]
            }""";

    static final String STALE = """
            {
              "type": "urn:lifecycle:problem:version-mismatch",
              "title": "The policy has changed",
              "status": 412,
              "detail": "If-Match names version 1 but the current version is 2: read the policy again, then retry with its ETag",
              "instance": "/api/v1/policies/orders-retention",
              "currentVersion": 2
            }""";

    private ApiExamples() {
    }
}
