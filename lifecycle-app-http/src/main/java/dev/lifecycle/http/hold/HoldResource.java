package dev.lifecycle.http.hold;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.domain.hold.EnforceHoldsUseCase;
import dev.lifecycle.domain.hold.HoldId;
import dev.lifecycle.domain.hold.HoldRecord;
import dev.lifecycle.domain.hold.HoldScope;
import dev.lifecycle.domain.hold.ManageHoldsUseCase;
import dev.lifecycle.domain.hold.ManageHoldsUseCase.PlaceHoldCommand;
import dev.lifecycle.domain.hold.ManageHoldsUseCase.ReleaseHoldCommand;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.archive.ArchiveRequests;
import dev.lifecycle.http.archive.ItemJson;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Actor;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Legal holds: placed and released by admins, each change audited, enforced on AWS by the platform. */
@Path("/api/v1/holds")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Holds", description = "Keep items from expiring and their archives from being deleted")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class HoldResource {

    private final ManageHoldsUseCase holds;
    private final EnforceHoldsUseCase enforcement;
    private final BrowseArchivesUseCase browse;
    private final Actor actor;

    HoldResource(ManageHoldsUseCase holds, EnforceHoldsUseCase enforcement, BrowseArchivesUseCase browse, Actor actor) {
        this.holds = holds;
        this.enforcement = enforcement;
        this.browse = browse;
        this.actor = actor;
    }

    /** A hold to place: exactly one of {@code key} and {@code partitionKeyPrefix}. */
    public record PlaceHoldRequest(
            @Schema(description = "1 to 63 of a-z 0-9 -", required = true) String id,
            @Schema(required = true) String table,
            @Schema(description = "The item's key in DynamoDB JSON") JsonNode key,
            @Schema(description = "Every item whose partition key starts with this") String partitionKeyPrefix,
            @Schema(required = true, description = "Why: the case, the request, the regulation") String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Place a legal hold", description = "From now on the items the hold covers do not expire (their TTL is"
            + " removed and kept; a single item's before this answers) and their archive objects carry an S3 legal hold (in the"
            + " background, and on every enforcement run). Audited. Role lifecycle-admin.")
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(schema = @Schema(implementation = HoldViews.Hold.class)))
    @APIResponse(responseCode = "400", description = "A bad field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No policy governs the table", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The id is taken", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response place(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PlaceHoldRequest.class), examples = {
            @ExampleObject(name = "one item", value = "{\"id\": \"case-2026-17\", \"table\": \"orders\","
                    + " \"key\": {\"orderId\": {\"S\": \"o-1\"}}, \"reason\": \"litigation 2026-17\"}"),
            @ExampleObject(name = "a customer's items", value = "{\"id\": \"gdpr-request-9\", \"table\": \"orders\","
                    + " \"partitionKeyPrefix\": \"customer#42\", \"reason\": \"subject access request 9\"}")}))
                          PlaceHoldRequest body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "is required: {\"id\", \"table\", \"key\" or \"partitionKeyPrefix\", \"reason\"}");
        }
        if (body.id() == null) {
            throw ProblemException.invalidField("id", "is required");
        }
        HoldId id = ArchiveRequests.valid("id", () -> new HoldId(body.id()));
        TableName table = ArchiveRequests.table("table", body.table());
        if ((body.key() == null) == (body.partitionKeyPrefix() == null)) {
            throw ProblemException.invalidField("key", "give exactly one of key (one item) and partitionKeyPrefix");
        }
        HoldScope scope;
        if (body.key() != null) {
            if (!body.key().isObject()) {
                throw ProblemException.invalidField("key", "must be an object of key attributes in DynamoDB JSON");
            }
            scope = new HoldScope.SingleItem(ItemJson.key(browse, table, "key", body.key().toString()));
        } else {
            scope = ArchiveRequests.valid("partitionKeyPrefix", () -> new HoldScope.PartitionKeyPrefix(body.partitionKeyPrefix()));
        }
        PlaceHoldCommand command = ArchiveRequests.valid("reason", () -> new PlaceHoldCommand(id, table, scope, body.reason(), actor.name()));
        HoldRecord placed = holds.place(command);
        return Response.created(URI.create("/api/v1/holds/" + placed.id())).entity(HoldViews.Hold.of(placed)).build();
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "List holds", description = "Every hold, active and releasing, in id order.")
    @APIResponse(responseCode = "200", description = "The holds", content = @Content(schema = @Schema(implementation = HoldViews.Holds.class)))
    public HoldViews.Holds list() {
        return new HoldViews.Holds(holds.list().stream().map(HoldViews.Hold::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "A hold", description = "Its scope, reason, state, how far its archives are held, and any enforcement problem.")
    @APIResponse(responseCode = "200", description = "The hold", content = @Content(schema = @Schema(implementation = HoldViews.Hold.class)))
    @APIResponse(responseCode = "404", description = "No such hold", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public HoldViews.Hold read(@PathParam("id") String id) {
        HoldId holdId = ArchiveRequests.valid("id", () -> new HoldId(id));
        return holds.find(holdId).map(HoldViews.Hold::of).orElseThrow(() -> new ProblemException(
                Problem.of("hold-not-found", "No such hold", 404, "hold '" + id + "' does not exist").with("holdId", id)));
    }

    @POST
    @Path("{id}/release")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Release a hold", description = "It stops protecting at once; the platform gives the kept TTLs back (never"
            + " over a TTL set since) and lifts the S3 legal holds no other hold needs, in the background. Audited. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "Released (state RELEASING until the cleanup is done)",
            content = @Content(schema = @Schema(implementation = HoldViews.Hold.class)))
    @APIResponse(responseCode = "404", description = "No active hold with the id", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public HoldViews.Hold release(@PathParam("id") String id) {
        HoldId holdId = ArchiveRequests.valid("id", () -> new HoldId(id));
        return HoldViews.Hold.of(holds.release(new ReleaseHoldCommand(holdId, actor.name())));
    }

    @POST
    @Path("enforce")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Enforce holds now", description = "Runs what the schedule runs (lifecycle.admin.hold-enforcement-interval)"
            + " and answers what it did. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The run", content = @Content(schema = @Schema(implementation = HoldViews.Enforcement.class)))
    public HoldViews.Enforcement enforce() {
        return HoldViews.Enforcement.of(enforcement.enforce());
    }
}
