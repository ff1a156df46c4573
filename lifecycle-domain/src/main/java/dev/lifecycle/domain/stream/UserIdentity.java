package dev.lifecycle.domain.stream;

/** Who made a change, as a stream record says; DynamoDB sets it only for its own TTL deletions. */
public record UserIdentity(String type, String principalId) {

    public static final String DYNAMODB_PRINCIPAL = "dynamodb.amazonaws.com";

    public UserIdentity {
        if (type == null || principalId == null) {
            throw new IllegalArgumentException("user identity needs a type and a principal id");
        }
    }

    public static UserIdentity dynamoDbTtlService() {
        return new UserIdentity("Service", DYNAMODB_PRINCIPAL);
    }

    /** The identity DynamoDB puts on the REMOVE records of its TTL sweeper. */
    public boolean isDynamoDbTtlService() {
        return "Service".equalsIgnoreCase(type) && DYNAMODB_PRINCIPAL.equals(principalId);
    }
}
