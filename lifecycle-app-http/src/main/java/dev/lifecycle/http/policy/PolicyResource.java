package dev.lifecycle.http.policy;

import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.policy.LoadPolicyPort;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.ChangePolicyCommand;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.DeclarePolicyCommand;
import dev.lifecycle.domain.policy.ManagePoliciesUseCase.DeletePolicyCommand;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.RetentionPolicy;
import dev.lifecycle.domain.policy.ViewPoliciesUseCase;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Actor;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Declares, reads, lists, changes and deletes retention policies; each change is versioned and audited. */
@Path("/api/v1/policies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Policies", description = "Retention policies: one per table, versioned, audited")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class PolicyResource {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final ManagePoliciesUseCase manage;
    private final ViewPoliciesUseCase view;
    private final Actor actor;

    PolicyResource(ManagePoliciesUseCase manage, ViewPoliciesUseCase view, Actor actor) {
        this.manage = manage;
        this.view = view;
        this.actor = actor;
    }

    /** One page of policies and, when more follow, the id to continue after. */
    public record PolicyPage(List<PolicyView> items, String next) {
    }

    /** A policy's audit trail, oldest first. */
    public record History(String policyId, List<HistoryEntry> items) {
    }

    /** One audited change: who, when, what, and each field before and after. */
    public record HistoryEntry(String action, String actor, String at, String summary, List<FieldDiff> changes) {
    }

    /** One field of a change; null where the field was absent. */
    public record FieldDiff(String field, String before, String after) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Declare a policy", description = "Validates every field and stores version 1. Role lifecycle-admin.")
    @APIResponse(responseCode = "201", description = "Declared; Location and ETag name it",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields, malformed JSON, unknown fields, wrong types",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = ApiExamples.INVALID)))
    @APIResponse(responseCode = "409", description = "The id is taken, or another policy governs the table",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "413", description = "The body is over the size limit", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response declare(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PolicyBody.class),
            examples = @ExampleObject(name = "orders", value = ApiExamples.DECLARE))) PolicyBody body, @Context UriInfo uri) {
        PolicyBody given = required(body);
        PolicyId id = PolicyRequests.policyId("id", given.id());
        RetentionPolicy policy = manage.declare(new DeclarePolicyCommand(id, given.toDraft(), actor.name()));
        return withTag(Response.created(uri.getAbsolutePathBuilder().path(id.value()).build()).entity(PolicyView.of(policy)), policy)
                .build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "List policies", description = "In id order, a page at a time; a Link header (rel=next) and `next` continue.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = PolicyPage.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or after", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response list(@Parameter(description = "Page size, 1 to 100 (default 50)") @QueryParam("limit") String limit,
                         @Parameter(description = "Continue after this policy id") @QueryParam("after") String after, @Context UriInfo uri) {
        int size = pageSize(limit);
        Optional<PolicyId> start = after == null ? Optional.empty() : Optional.of(PolicyRequests.policyId("after", after));
        LoadPolicyPort.PolicyPage page = view.list(start, size);
        Response.ResponseBuilder response = Response.ok(new PolicyPage(page.policies().stream().map(PolicyView::of).toList(),
                page.next().map(PolicyId::value).orElse(null)));
        page.next().ifPresent(next -> response.link(UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("after", next.value())
                .replaceQueryParam("limit", size).build(), "next"));
        return response.build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Read a policy", description = "The current version; the ETag header is what a change must send in If-Match.")
    @APIResponse(responseCode = "200", description = "The policy", content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response read(@PathParam("id") String id) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        RetentionPolicy policy = view.find(policyId).orElseThrow(() -> new PolicyNotFoundException(policyId));
        return withTag(Response.ok(PolicyView.of(policy)), policy).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a policy", description = "Replaces the policy with the next version. A locked policy may only be "
            + "strengthened. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "Changed; the new ETag names the new version",
            content = @Content(schema = @Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The change would weaken a locked policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "stale", value = ApiExamples.STALE)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response change(@PathParam("id") String id,
                           @Parameter(description = "The ETag of the version read, e.g. \"1\"", required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                   schema = @Schema(implementation = PolicyBody.class),
                                   examples = @ExampleObject(name = "longer retention", value = ApiExamples.CHANGE))) PolicyBody body) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        PolicyBody given = required(body);
        if (given.id() != null && !given.id().equals(policyId.value())) {
            throw ProblemException.invalidField("id", "the body names policy '" + given.id() + "' but the path names '" + policyId
                    + "'; a policy's id cannot change");
        }
        RetentionPolicy policy = manage.change(new ChangePolicyCommand(policyId, EntityTags.expectedVersion(ifMatch), given.toDraft(),
                actor.name()));
        return withTag(Response.ok(PolicyView.of(policy)), policy).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete a policy", description = "Refused for a locked policy. Its history stays readable. Role lifecycle-admin.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The policy is locked", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response delete(@PathParam("id") String id,
                           @Parameter(description = "The ETag of the version read", required = true)
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        manage.delete(new DeletePolicyCommand(policyId, EntityTags.expectedVersion(ifMatch), actor.name()));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "A policy's audit trail", description = "Every change, oldest first: who, when, and each field before and after.")
    @APIResponse(responseCode = "200", description = "The history", content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "404", description = "The policy never existed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public History history(@PathParam("id") String id) {
        PolicyId policyId = PolicyRequests.policyId("id", id);
        return new History(policyId.value(), view.history(policyId).stream().map(PolicyResource::entry).toList());
    }

    private static HistoryEntry entry(AuditRecord record) {
        return new HistoryEntry(record.action().name(), record.actor(), record.at().toString(), record.summary(),
                record.changes().stream().map(c -> new FieldDiff(c.field(), c.before(), c.after())).toList());
    }

    private static Response.ResponseBuilder withTag(Response.ResponseBuilder response, RetentionPolicy policy) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(policy.version()));
    }

    private static PolicyBody required(PolicyBody body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "a JSON object describing the policy is required");
        }
        return body;
    }

    private static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(limit);
            if (size >= 1 && size <= ViewPoliciesUseCase.MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // answered below, like a number out of range
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + ViewPoliciesUseCase.MAX_PAGE_SIZE
                + ", was '" + limit + "'");
    }
}
