package dev.lifecycle.http.drift;

import dev.lifecycle.domain.apply.DetectDriftUseCase;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.ViewPoliciesUseCase;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The {@code drift} health group ({@code /q/health/group/drift}), separate from readiness: DOWN
 * while the last check of any policy found it DRIFTED or could not check it (UNKNOWN), with each
 * such policy named. Policies not yet checked do not count against it.
 */
@HealthGroup("drift")
@ApplicationScoped
public class DriftHealthCheck implements HealthCheck {

    static final int MAX_POLICIES = 1_000;

    private final ViewPoliciesUseCase policies;
    private final DetectDriftUseCase drift;

    DriftHealthCheck(ViewPoliciesUseCase policies, DetectDriftUseCase drift) {
        this.policies = policies;
        this.drift = drift;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("policies-in-sync").up();
        int checked = 0;
        int inSync = 0;
        int notChecked = 0;
        Optional<PolicyId> after = Optional.empty();
        do {
            LoadPolicyPort.PolicyPage page = policies.list(after, ViewPoliciesUseCase.MAX_PAGE_SIZE);
            for (RetentionPolicy policy : page.policies()) {
                checked++;
                Optional<DriftReport> report = drift.lastReport(policy.id());
                if (report.isEmpty()) {
                    notChecked++;
                } else if (report.get().state() == DriftState.IN_SYNC) {
                    inSync++;
                } else {
                    response.down().withData(policy.id().value(), report.get().state().name() + " at " + report.get().checkedAt());
                }
            }
            after = page.next();
        } while (after.isPresent() && checked < MAX_POLICIES);
        return response.withData("policies", checked).withData("inSync", inSync).withData("notChecked", notChecked).build();
    }
}
