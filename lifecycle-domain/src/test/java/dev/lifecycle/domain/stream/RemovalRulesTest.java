package dev.lifecycle.domain.stream;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.item.Item;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.domain.testing.TestRecords;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RemovalRulesTest {

    private static final String TTL = "expiresAt";
    private static final long EVENT_SECOND = EVENT_TIME.getEpochSecond();
    private static final RemovalClassification TTL_REMOVAL = new RemovalClassification.Removal(DeletionCause.TTL);
    private static final RemovalClassification EXPIRED = new RemovalClassification.Removal(DeletionCause.EXPIRED);
    private static final RemovalClassification USER = new RemovalClassification.Removal(DeletionCause.USER);

    private static Item orderExpiringAt(long epochSeconds) {
        return TestRecords.order("customer#1", "order#1", epochSeconds);
    }

    private static Item pastOrder() {
        return orderExpiringAt(EVENT_SECOND - 3600);
    }

    private static Item futureOrder() {
        return orderExpiringAt(EVENT_SECOND + 3600);
    }

    private static RemovalClassification removedBy(UserIdentity identity, Item oldImage) {
        return RemovalRules.classify(TestRecords.remove(oldImage, "100", Optional.of(identity), EVENT_TIME), TTL);
    }

    private static RemovalClassification removedWithoutIdentity(Item oldImage) {
        return RemovalRules.classify(TestRecords.userRemove(oldImage, "100"), TTL);
    }

    @Test
    void removedByTheTtlService_isCauseTtl() {
        assertThat(RemovalRules.classify(TestRecords.ttlRemove(pastOrder(), "100"), TTL)).isEqualTo(TTL_REMOVAL);
    }

    @Test
    void removedByTheTtlService_isCauseTtl_whateverTheOldImageSays() {
        assertThat(removedBy(UserIdentity.dynamoDbTtlService(), futureOrder())).isEqualTo(TTL_REMOVAL);
        assertThat(removedBy(UserIdentity.dynamoDbTtlService(), futureOrder().without(TTL))).isEqualTo(TTL_REMOVAL);
    }

    @Test
    void serviceIdentityType_isMatchedCaseInsensitively() {
        assertThat(removedBy(new UserIdentity("service", "dynamodb.amazonaws.com"), futureOrder())).isEqualTo(TTL_REMOVAL);
        assertThat(removedBy(new UserIdentity("SERVICE", "dynamodb.amazonaws.com"), futureOrder())).isEqualTo(TTL_REMOVAL);
    }

    @Test
    void servicePrincipal_isMatchedExactly() {
        assertThat(removedBy(new UserIdentity("Service", "DynamoDB.amazonaws.com"), futureOrder())).isEqualTo(USER);
        assertThat(removedBy(new UserIdentity("Service", " dynamodb.amazonaws.com"), futureOrder())).isEqualTo(USER);
        assertThat(removedBy(new UserIdentity("Service", "dynamodb.amazonaws.com.evil"), futureOrder())).isEqualTo(USER);
    }

    @Test
    void anotherPrincipal_withTtlInTheFuture_isCauseUser() {
        assertThat(removedBy(new UserIdentity("Service", "lambda.amazonaws.com"), futureOrder())).isEqualTo(USER);
    }

    @Test
    void anotherIdentityType_withTheDynamoDbPrincipal_isCauseUser() {
        assertThat(removedBy(new UserIdentity("User", "dynamodb.amazonaws.com"), futureOrder())).isEqualTo(USER);
    }

    @Test
    void anotherPrincipal_withTtlPassed_isCauseExpired() {
        assertThat(removedBy(new UserIdentity("Service", "lambda.amazonaws.com"), pastOrder())).isEqualTo(EXPIRED);
    }

    @Test
    void noIdentity_withTtlPassed_isCauseExpired() {
        assertThat(removedWithoutIdentity(pastOrder())).isEqualTo(EXPIRED);
    }

    @Test
    void noIdentity_withTtlEqualToTheEventTime_isCauseExpired() {
        assertThat(removedWithoutIdentity(orderExpiringAt(EVENT_SECOND))).isEqualTo(EXPIRED);
    }

    @Test
    void noIdentity_withTtlOneSecondAfterTheEventTime_isCauseUser() {
        assertThat(removedWithoutIdentity(orderExpiringAt(EVENT_SECOND + 1))).isEqualTo(USER);
    }

    @Test
    void noIdentity_withFractionalTtlHalfASecondAfterTheEvent_isCauseUser() {
        Item oldImage = pastOrder().with(TTL, n(EVENT_SECOND + ".5"));

        assertThat(removedWithoutIdentity(oldImage)).isEqualTo(USER);
    }

    @Test
    void noIdentity_withFractionalTtlHalfASecondBeforeTheEvent_isCauseExpired() {
        Item oldImage = pastOrder().with(TTL, n((EVENT_SECOND - 1) + ".5"));

        assertThat(removedWithoutIdentity(oldImage)).isEqualTo(EXPIRED);
    }

    @Test
    void noIdentity_withTtlBeyondTheSweepHorizon_isCauseExpired() {
        Item oldImage = orderExpiringAt(EVENT_TIME.minus(Duration.ofDays(3650)).getEpochSecond());

        assertThat(removedWithoutIdentity(oldImage)).isEqualTo(EXPIRED);
    }

    @Test
    void noIdentity_withoutTtl_isCauseUser() {
        assertThat(removedWithoutIdentity(pastOrder().without(TTL))).isEqualTo(USER);
    }

    @Test
    void noIdentity_withAPastTtlTypedAsString_isCauseUser() {
        Item oldImage = pastOrder().with(TTL, s(Long.toString(EVENT_SECOND - 3600)));

        assertThat(removedWithoutIdentity(oldImage)).isEqualTo(USER);
    }

    @Test
    void noIdentity_withAPastTtlInMilliseconds_isCauseUser() {
        Item oldImage = pastOrder().with(TTL, n(EVENT_TIME.minusSeconds(3600).toEpochMilli()));

        assertThat(removedWithoutIdentity(oldImage)).isEqualTo(USER);
    }

    @Test
    void noIdentity_withThePastTtlInAnotherAttribute_isCauseUser() {
        assertThat(RemovalRules.classify(TestRecords.userRemove(pastOrder(), "100"), "ttl")).isEqualTo(USER);
    }

    @Test
    void noIdentity_andNoOldImage_isCauseUser() {
        ChangeRecord record = TestRecords.keysOnlyRemove(pastOrder(), "100", Optional.empty());

        assertThat(RemovalRules.classify(record, TTL)).isEqualTo(USER);
    }

    @Test
    void ttlServiceIdentity_withoutOldImage_isCauseTtl() {
        assertThat(RemovalRules.classify(TestRecords.keysOnlyRemove(pastOrder(), "100"), TTL)).isEqualTo(TTL_REMOVAL);
    }

    @Test
    void insert_isNotARemoval() {
        assertThat(RemovalRules.classify(TestRecords.insert(pastOrder(), "100"), TTL))
                .isEqualTo(new RemovalClassification.NotARemoval(EventName.INSERT));
    }

    @Test
    void modify_isNotARemoval_evenWhenTheTtlHasPassed() {
        assertThat(RemovalRules.classify(TestRecords.modify(pastOrder(), pastOrder().with("total", n("1")), "100"), TTL))
                .isEqualTo(new RemovalClassification.NotARemoval(EventName.MODIFY));
    }

    @Test
    void modify_carryingTheTtlServiceIdentity_isNotARemoval() {
        Item image = pastOrder();
        ChangeRecord record = new ChangeRecord("event-1", EventName.MODIFY, TableName.of(TestPolicies.TABLE),
                TestRecords.keysOf(image), Optional.of(image), Optional.of(image), SequenceNumber.of("100"), EVENT_TIME,
                Optional.of(UserIdentity.dynamoDbTtlService()), StreamViewType.NEW_AND_OLD_IMAGES);

        assertThat(RemovalRules.classify(record, TTL)).isEqualTo(new RemovalClassification.NotARemoval(EventName.MODIFY));
    }
}
