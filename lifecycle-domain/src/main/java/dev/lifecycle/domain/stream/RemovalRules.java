package dev.lifecycle.domain.stream;

import dev.lifecycle.domain.expiry.TtlReading;

/** The rule that tells why an item was removed. */
public final class RemovalRules {

    private RemovalRules() {
    }

    /**
     * TTL when DynamoDB's service identity is on the record; EXPIRED when it is not but the old
     * image's TTL had passed at the record's time (so a record without old image cannot be
     * EXPIRED); USER otherwise. The comparison is strict: an item whose TTL equals the event time
     * had expired.
     */
    public static RemovalClassification classify(ChangeRecord record, String ttlAttribute) {
        if (!record.isRemoval()) {
            return new RemovalClassification.NotARemoval(record.eventName());
        }
        if (record.userIdentity().map(UserIdentity::isDynamoDbTtlService).orElse(false)) {
            return new RemovalClassification.Removal(DeletionCause.TTL);
        }
        boolean expired = record.oldImage()
                .map(image -> TtlReading.read(image, ttlAttribute))
                .filter(TtlReading.Expiring.class::isInstance)
                .map(TtlReading.Expiring.class::cast)
                .map(expiring -> expiring.expiredAt(record.approximateCreationTime()))
                .orElse(false);
        return new RemovalClassification.Removal(expired ? DeletionCause.EXPIRED : DeletionCause.USER);
    }
}
