package dev.lifecycle.adapters.aws.failure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.failure.DependencyFailureException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsFailuresTest {

    @ParameterizedTest
    @CsvSource({
            "ThrottlingException, 400, true",
            "ProvisionedThroughputExceededException, 400, true",
            "SlowDown, 503, true",
            "InternalError, 500, true",
            "AnythingElse, 502, true",
            "TooManyRequests, 429, true",
            "ValidationException, 400, false",
            "AccessDenied, 403, false",
            "NoSuchBucket, 404, false",
            "ResourceNotFoundException, 400, false"})
    void serviceErrors_areRetryableOnlyForThrottlingAndServerErrors(String code, int status, boolean retryable) {
        AwsServiceException e = AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("said the service").build()).build();

        DependencyFailureException translated = AwsFailures.translate("S3", e);

        assertThat(translated.retryable()).isEqualTo(retryable);
        assertThat(translated.getMessage()).contains("S3").contains(code).contains(String.valueOf(status)).contains("said the service");
        assertThat(translated.getCause()).isSameAs(e);
    }

    @Test
    void connectionFailuresAndTimeouts_areRetryable() {
        assertThat(AwsFailures.isRetryable(SdkClientException.create("Unable to execute HTTP request: Connection refused"))).isTrue();
        assertThat(AwsFailures.isRetryable(ApiCallTimeoutException.create(2_000))).isTrue();
    }
}
