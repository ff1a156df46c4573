package dev.lifecycle.http.health;

import dev.lifecycle.http.wiring.AdminPorts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/** Readiness: every dependency probe answers. Each probe is reported with what it checked or why it failed. */
@Readiness
@ApplicationScoped
public class DependenciesReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DependenciesReadiness.class);

    private final AdminPorts ports;

    DependenciesReadiness(AdminPorts ports) {
        this.ports = ports;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("dependencies").up();
        for (DependencyProbe probe : ports.probes()) {
            try {
                for (Map.Entry<String, String> found : probe.check().entrySet()) {
                    response.withData(probe.name() + "." + found.getKey(), found.getValue());
                }
                response.withData(probe.name(), "UP");
            } catch (RuntimeException e) {
                LOG.warnf("readiness: %s is not usable: %s", probe.name(), e.toString());
                response.down().withData(probe.name(), "DOWN: " + e.getMessage());
            }
        }
        return response.build();
    }
}
