package dev.lifecycle.http.hygiene;

import dev.lifecycle.domain.hygiene.AuditTtlHygieneCommand;
import dev.lifecycle.domain.hygiene.AuditTtlHygieneUseCase;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.ViewPoliciesUseCase;
import dev.lifecycle.http.policy.PolicyRequests;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The TTL hygiene audit of a policy's table: run one now, or read the last one (docs/ttl-hygiene.md). */
@Path("/api/v1/policies/{id}/ttl-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TTL hygiene", description = "Find items whose TTL DynamoDB will never act on, or has not acted on")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No such policy, or (GET) no audit yet", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class TtlAuditResource {

    private final AuditTtlHygieneUseCase hygiene;
    private final ViewPoliciesUseCase view;

    TtlAuditResource(AuditTtlHygieneUseCase hygiene, ViewPoliciesUseCase view) {
        this.hygiene = hygiene;
        this.view = view;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit TTL hygiene now", description = "Scans the policy's table at the configured pace (read units and"
            + " pages per second), within its item and time bounds, records the report and returns it. A missing table or a DynamoDB"
            + " failure is a report with outcome FAILED. The request waits for the whole scan. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = TtlAuditViews.Report.class)))
    @APIResponse(responseCode = "400", description = "maxItems is not a whole number of at least 1", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TtlAuditViews.Report auditNow(@PathParam("id") String id,
                                         @Parameter(description = "Optional: read at most this many items (lowers the configured bound, never raises it)")
                                         @QueryParam("maxItems") String maxItems) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        return TtlAuditViews.Report.of(hygiene.audit(new AuditTtlHygieneCommand(policyId, maxItems(maxItems))));
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Last TTL audit", description = "The last report (scheduled or on demand); 404 ttl-audit-not-found before the first.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = TtlAuditViews.Report.class)))
    public TtlAuditViews.Report last(@PathParam("id") String id) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        if (view.find(policyId).isEmpty()) {
            throw new PolicyNotFoundException(policyId);
        }
        return hygiene.lastReport(policyId).map(TtlAuditViews.Report::of).orElseThrow(() -> new ProblemException(
                Problem.of("ttl-audit-not-found", "No TTL audit yet", 404, "no TTL audit of policy '" + policyId
                        + "' has run yet: the schedule runs one every lifecycle.admin.ttl-audit-interval, or POST to this path")
                        .with("policyId", policyId.value())));
    }

    private static Optional<Long> maxItems(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(raw.trim());
            if (value >= 1) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // answered below, like any other bad value
        }
        throw ProblemException.invalidField("maxItems", "'" + raw + "' is not a whole number of at least 1");
    }
}
