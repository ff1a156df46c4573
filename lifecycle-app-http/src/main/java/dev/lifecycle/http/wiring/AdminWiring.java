package dev.lifecycle.http.wiring;

import dev.lifecycle.domain.apply.PolicyConfigurationService;
import dev.lifecycle.domain.hygiene.TtlAuditSettings;
import dev.lifecycle.domain.hygiene.TtlHygieneService;
import dev.lifecycle.domain.job.Throttle;
import dev.lifecycle.domain.policy.PolicyService;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/** Wires the domain's use cases to the ports. */
public class AdminWiring {

    /** The property behind each field of TtlAuditSettings, for start-up errors. */
    private static final Map<String, String> TTL_AUDIT_PROPERTIES = Map.of(
            "readUnitsPerSecond", "lifecycle.admin.ttl-audit-read-units-per-second",
            "pagesPerSecond", "lifecycle.admin.ttl-audit-pages-per-second",
            "pageSize", "lifecycle.admin.ttl-audit-page-size",
            "maxItems", "lifecycle.admin.ttl-audit-max-items",
            "timeBudget", "lifecycle.admin.ttl-audit-time-budget",
            "samplesPerFinding", "lifecycle.admin.ttl-audit-samples",
            "sweepGrace", "lifecycle.admin.ttl-audit-sweep-grace");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Serves both ManagePoliciesUseCase and ViewPoliciesUseCase (a producer's bean types include its interfaces). */
    @Produces
    @Singleton
    PolicyService policyService(AdminPorts ports, Clock clock) {
        return new PolicyService(ports.loadPolicies(), ports.savePolicies(), ports.auditLog(), clock);
    }

    /** Serves both ApplyPolicyUseCase and DetectDriftUseCase. */
    @Produces
    @Singleton
    PolicyConfigurationService configurationService(AdminPorts ports, Clock clock) {
        return new PolicyConfigurationService(ports.loadPolicies(), ports.tables(), ports.buckets(), ports.statuses(),
                ports.auditLog(), clock);
    }

    /** Serves AuditTtlHygieneUseCase; built at start-up, so that invalid settings stop it with the setting named. */
    @Produces
    @Singleton
    @Startup
    TtlHygieneService ttlHygieneService(AdminPorts ports, AdminConfig config, Clock clock) {
        return new TtlHygieneService(ports.loadPolicies(), ports.tableScans(), ports.ttlAudits(), ttlAuditSettings(config), clock,
                Throttle.threadSleeper());
    }

    static TtlAuditSettings ttlAuditSettings(AdminConfig config) {
        try {
            return new TtlAuditSettings(config.ttlAuditReadUnitsPerSecond(), config.ttlAuditPagesPerSecond(), config.ttlAuditPageSize(),
                    config.ttlAuditMaxItems(), config.ttlAuditTimeBudget(), config.ttlAuditSamples(), config.ttlAuditSweepGrace());
        } catch (IllegalArgumentException e) {
            // The domain names its field first ("pageSize must be..."): say which property that is.
            String field = e.getMessage().split(" ", 2)[0];
            throw new IllegalArgumentException(TTL_AUDIT_PROPERTIES.getOrDefault(field, "lifecycle.admin.ttl-audit-*") + ": "
                    + e.getMessage(), e);
        }
    }

}
