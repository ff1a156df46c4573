package dev.lifecycle.http.wiring;

import dev.lifecycle.domain.apply.PolicyConfigurationService;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.policy.PolicyService;
import dev.lifecycle.domain.replay.ReplayFailuresService;
import dev.lifecycle.domain.replay.ReplayFailuresUseCase;
import dev.lifecycle.http.replay.ReplayNotConfigured;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires the domain's use cases to the ports. */
public class AdminWiring {

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

    /**
     * Replay archives through the same use case as the stream processor (its own writer pool), or
     * answers 503 when no failure queue is configured.
     */
    @Produces
    @Singleton
    ReplayFailuresUseCase replay(AdminPorts ports, AdminConfig config, Clock clock) {
        if (ports.failureQueue().isEmpty()) {
            return new ReplayNotConfigured();
        }
        ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, config.replayWriteConcurrency()), runnable -> {
            Thread thread = new Thread(runnable, "replay-archive-writer");
            thread.setDaemon(true);
            return thread;
        });
        ArchiveChangesService archive = new ArchiveChangesService(ports.loadPolicies(), ports.archives(), writers);
        return new ReplayFailuresService(ports.failureQueue().get(), ports.streamReader(), archive, ports.auditLog(), clock);
    }

    /** Serves both ApplyPolicyUseCase and DetectDriftUseCase. */
    @Produces
    @Singleton
    PolicyConfigurationService configurationService(AdminPorts ports, Clock clock) {
        return new PolicyConfigurationService(ports.loadPolicies(), ports.tables(), ports.buckets(), ports.statuses(),
                ports.auditLog(), clock);
    }
}
