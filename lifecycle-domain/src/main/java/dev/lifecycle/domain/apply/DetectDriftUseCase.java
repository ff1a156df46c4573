package dev.lifecycle.domain.apply;

import dev.lifecycle.domain.policy.PolicyId;
import java.util.List;
import java.util.Optional;

/** Compares policies with AWS and keeps the last report of each. */
public interface DetectDriftUseCase {

    /**
     * Compares one policy with AWS and records the report; a missing table or bucket or an AWS error
     * becomes an UNKNOWN report with the problem.
     *
     * @throws dev.lifecycle.domain.policy.PolicyNotFoundException when the policy does not exist
     */
    DriftReport check(PolicyId policy);

    /**
     * Checks every policy (paging through LoadPolicyPort.list); a failure for one policy (missing
     * table or bucket, AWS error) becomes an UNKNOWN report with the problem, never an exception.
     */
    List<DriftReport> checkAll();

    Optional<DriftReport> lastReport(PolicyId policy);
}
