package dev.lifecycle.http.info;

import java.util.List;

import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Says which build of the admin API is answering: name, version and the components it serves. */
@Path("/api/v1/info")
public class InfoResource {

    /** The body of {@code GET /api/v1/info}. */
    public record Info(String name, String version, List<String> components) {
    }

    // Only what this process really serves; grows as features are wired.
    private static final List<String> COMPONENTS = List.of("admin-api");

    private final String version;

    InfoResource(@ConfigProperty(name = "quarkus.application.version") String version) {
        this.version = version;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Info info() {
        return new Info("lifecycle", version, COMPONENTS);
    }
}
