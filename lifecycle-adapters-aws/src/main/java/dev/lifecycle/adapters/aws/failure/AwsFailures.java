package dev.lifecycle.adapters.aws.failure;

import dev.lifecycle.domain.failure.DependencyFailureException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns AWS SDK exceptions into the domain's {@link DependencyFailureException}, so that none
 * crosses a port: throttling, timeouts, connection failures and server errors are retryable;
 * everything else (validation, access denied, missing resources) is permanent.
 */
public final class AwsFailures {

    private static final Set<String> RETRYABLE_CODES = Set.of(
            "ThrottlingException", "Throttling", "ThrottledException", "RequestThrottled", "RequestThrottledException",
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "TooManyRequestsException",
            "SlowDown", "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalServerError",
            "ServiceUnavailable", "ServiceUnavailableException", "TransactionInProgressException",
            "LimitExceededException", "PriorRequestNotComplete", "BandwidthLimitExceeded", "EC2ThrottledException");

    private AwsFailures() {
    }

    public static DependencyFailureException translate(String service, SdkException e) {
        return new DependencyFailureException(service, isRetryable(e), describe(e), e);
    }

    public static boolean isRetryable(SdkException e) {
        if (e instanceof AwsServiceException service) {
            int status = service.statusCode();
            String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
            return status == 429 || status >= 500 || (code != null && RETRYABLE_CODES.contains(code)) || service.isThrottlingException();
        }
        // Client-side: the request did not complete (connection refused or reset, timeouts, I/O).
        return e instanceof SdkClientException || e.retryable();
    }

    private static String describe(SdkException e) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.awsErrorDetails().errorCode() + " (HTTP " + service.statusCode() + "): "
                    + service.awsErrorDetails().errorMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
