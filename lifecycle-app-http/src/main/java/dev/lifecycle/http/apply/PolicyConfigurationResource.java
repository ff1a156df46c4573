package dev.lifecycle.http.apply;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.domain.apply.ApplyCommand;
import dev.lifecycle.domain.apply.ApplyPolicyUseCase;
import dev.lifecycle.domain.apply.ApplyResult;
import dev.lifecycle.domain.apply.ChangeResult;
import dev.lifecycle.domain.apply.ChangeStatus;
import dev.lifecycle.domain.apply.DetectDriftUseCase;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.Setting;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.ViewPoliciesUseCase;
import dev.lifecycle.http.policy.PolicyRequests;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Actor;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Plan, apply and drift status of one policy: what AWS must change, doing it, and watching it stay so. */
@Path("/api/v1/policies/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Apply", description = "Configure the table and bucket a policy needs, and watch for drift")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PolicyConfigurationResource {

    private final ApplyPolicyUseCase apply;
    private final DetectDriftUseCase drift;
    private final ViewPoliciesUseCase view;
    private final Actor actor;
    private final ObjectMapper json;

    PolicyConfigurationResource(ApplyPolicyUseCase apply, DetectDriftUseCase drift, ViewPoliciesUseCase view, Actor actor,
                                ObjectMapper json) {
        this.json = json;
        this.apply = apply;
        this.drift = drift;
        this.view = view;
        this.actor = actor;
    }

    /** The body of an apply: the settings whose NEEDS_CONSENT changes may be made. */
    public record ApplyRequest(List<String> consentTo) {
    }

    @GET
    @Path("plan")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Plan", description = "Compares what the policy needs with what AWS reports now; changes nothing.")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(schema = @Schema(implementation = ConfigurationViews.Plan.class)))
    @APIResponse(responseCode = "409", description = "The policy's table or bucket does not exist",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ConfigurationViews.Plan plan(@PathParam("id") String id) {
        return ConfigurationViews.Plan.of(apply.plan(PolicyRequests.policyId("id", id)));
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Apply", description = "Plans again, then makes every IN_PLACE change and the NEEDS_CONSENT changes of the"
            + " settings named in consentTo. Idempotent. 200 when AWS now has everything the policy needs; otherwise 409 with"
            + " each change's result (Retry-After when DynamoDB's one-TTL-change-per-hour limit applies). Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "Complete",
            content = @Content(schema = @Schema(implementation = ConfigurationViews.Applied.class)))
    @APIResponse(responseCode = "409", description = "Not complete: some changes need consent, wait for the TTL limit, are impossible"
            + " or failed; `results` says which", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response apply(@PathParam("id") String id,
                          @Parameter(description = "Optional: apply only if the policy is still at this ETag")
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  schema = @Schema(implementation = ApplyRequest.class),
                                  examples = @ExampleObject(name = "replace a KEYS_ONLY stream",
                                          value = "{\"consentTo\": [\"STREAM\"]}"))) String rawBody,
                          @Context UriInfo uri) throws JsonProcessingException {
        // The body is optional, so it is read here: an empty POST (any or no Content-Type) means no consent.
        ApplyRequest body = rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, ApplyRequest.class);
        PolicyId policyId = PolicyRequests.policyId("id", id);
        Optional<PolicyVersion> expected = ifMatch == null ? Optional.empty() : Optional.of(PolicyRequests.expectedVersion(ifMatch));
        ApplyResult result = apply.apply(new ApplyCommand(policyId, expected, consent(body), actor.name()));
        ConfigurationViews.Applied applied = ConfigurationViews.Applied.of(result);
        if (result.complete()) {
            return Response.ok(applied).build();
        }
        List<String> open = new ArrayList<>();
        boolean rateLimited = false;
        for (ChangeResult change : result.results()) {
            if (change.status() != ChangeStatus.APPLIED) {
                open.add(change.change().setting() + " " + change.status() + ": " + change.detail());
                rateLimited |= change.status() == ChangeStatus.RATE_LIMITED;
            }
        }
        Problem problem = Problem.of("apply-incomplete", "AWS does not yet have everything the policy needs", 409,
                open.size() + " of " + result.results().size() + " changes were not made: " + String.join("; ", open))
                .with("complete", false).with("results", applied.results());
        Response response = problem.toResponse(uri.getPath());
        return rateLimited ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "3600").build() : response;
    }

    @GET
    @Path("status")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Drift status", description = "The last comparison with AWS (scheduled or on demand) and each difference.")
    @APIResponse(responseCode = "200", description = "The status",
            content = @Content(schema = @Schema(implementation = ConfigurationViews.Status.class)))
    public ConfigurationViews.Status status(@PathParam("id") String id) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        RetentionPolicy policy = view.find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
        return drift.lastReport(policyId)
                .map(report -> ConfigurationViews.Status.of(policy.version().value(), report))
                .orElseGet(() -> ConfigurationViews.Status.notChecked(policyId.value(), policy.version().value()));
    }

    @POST
    @Path("drift-check")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Check for drift now", description = "Compares the policy with AWS, records and returns the result. "
            + "Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The new status",
            content = @Content(schema = @Schema(implementation = ConfigurationViews.Status.class)))
    public ConfigurationViews.Status checkNow(@PathParam("id") String id) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        DriftReport report = drift.check(policyId);
        // The check has just read the current version: no second read of the policy.
        return ConfigurationViews.Status.of(report.version().value(), report);
    }

    private static Set<Setting> consent(ApplyRequest body) {
        if (body == null || body.consentTo() == null) {
            return Set.of();
        }
        Set<Setting> settings = EnumSet.noneOf(Setting.class);
        for (int i = 0; i < body.consentTo().size(); i++) {
            String name = body.consentTo().get(i);
            try {
                settings.add(Setting.valueOf(String.valueOf(name)));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("consentTo[" + i + "]", "'" + name + "' is not one of " + List.of(Setting.values()));
            }
        }
        return settings;
    }
}
