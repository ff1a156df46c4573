package dev.lifecycle.domain.hygiene;

import dev.lifecycle.domain.policy.PolicyId;
import java.util.List;
import java.util.Optional;

/** Audits the TTL values of a policy's live table, paced so that it never starves the table, and keeps the last report. */
public interface AuditTtlHygieneUseCase {

    /**
     * Scans the policy's table now and records the report. A missing table or a failing store ends
     * the scan with a FAILED outcome (and the counts so far), never an exception.
     *
     * @throws dev.lifecycle.domain.policy.PolicyNotFoundException when the policy does not exist
     * @throws TtlAuditInProgressException when an audit of the same policy is running
     */
    TtlAuditReport audit(AuditTtlHygieneCommand command);

    /**
     * Audits every policy, one after the other, recording each report; skips a policy being audited
     * on demand, and stops early when the thread is interrupted.
     */
    List<TtlAuditReport> auditAll();

    Optional<TtlAuditReport> lastReport(PolicyId policy);
}
