package dev.lifecycle.adapters.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class TtlRateLimitTest {

    @Test
    void dynamoDbsOneChangePerHourRefusal_isRecognised() {
        assertThat(DynamoDbTableConfiguration.isRateLimit(error("ValidationException",
                "Time to live has been modified multiple times within a fixed interval"))).isTrue();
    }

    @Test
    void otherValidationErrors_areNotRateLimits() {
        assertThat(DynamoDbTableConfiguration.isRateLimit(error("ValidationException", "TimeToLive is already enabled"))).isFalse();
        assertThat(DynamoDbTableConfiguration.isRateLimit(error("ValidationException",
                "TimeToLive is active on a different AttributeName: current AttributeName is deleteAt"))).isFalse();
        assertThat(DynamoDbTableConfiguration.isRateLimit(error("LimitExceededException",
                "Time to live has been modified multiple times within a fixed interval"))).isFalse();
    }

    private static DynamoDbException error(String code, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }
}
