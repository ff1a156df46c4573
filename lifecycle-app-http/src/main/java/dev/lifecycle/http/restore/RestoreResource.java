package dev.lifecycle.http.restore;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.restore.RestoreArchivedItemsUseCase;
import dev.lifecycle.domain.restore.RestoreArchivedItemsUseCase.RestoreCommand;
import dev.lifecycle.domain.restore.RestoreJob;
import dev.lifecycle.domain.restore.RestoreJobId;
import dev.lifecycle.domain.restore.RestoreSelection;
import dev.lifecycle.domain.restore.TtlChoice;
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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Restoring archived items into a live table, as jobs that report each item's outcome. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Restore", description = "Put archived items back, never over a newer item")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class RestoreResource {

    /** The longest a client may ask to wait for a job to finish (Prefer: wait=N). */
    static final int MAX_WAIT_SECONDS = 60;
    private static final Pattern PREFER_WAIT = Pattern.compile("(?:^|[,;])\\s*wait\\s*=\\s*(\\d{1,6})\\s*(?:$|[,;])");

    private final RestoreArchivedItemsUseCase restore;
    private final BrowseArchivesUseCase browse;
    private final Actor actor;
    private final Clock clock;

    RestoreResource(RestoreArchivedItemsUseCase restore, BrowseArchivesUseCase browse, Actor actor, Clock clock) {
        this.restore = restore;
        this.browse = browse;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * A restore request: exactly one of {@code objects}, {@code keys} (with {@code from}/{@code to})
     * and {@code deletedFrom}/{@code deletedTo}.
     */
    public record RestoreRequest(
            @Schema(description = "Archive object keys, as listings give them (at most 1,000)") List<String> objects,
            @Schema(description = "Item keys in DynamoDB JSON (at most 1,000); each gets its latest archive between from and to")
            List<JsonNode> keys,
            @Schema(description = "With keys: first UTC day searched (default 29 days before to)") String from,
            @Schema(description = "With keys: last UTC day searched (default today)") String to,
            @Schema(description = "Restore everything deleted from this instant (inclusive)") String deletedFrom,
            @Schema(description = "... up to this instant (exclusive); at most 366 days after deletedFrom") String deletedTo,
            @Schema(description = "Restore into this table instead (same key schema)") String targetTable,
            @Schema(description = "KEEP_ORIGINAL (default; an item whose TTL has passed is skipped), RESET_FROM_POLICY or REMOVE")
            String ttl,
            @Schema(description = "Report what would be restored, write nothing") Boolean dryRun) {
    }

    @POST
    @Path("tables/{table}/restores")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Restore archived items", description = "Starts a restore job and answers 202 with its Location. Each item"
            + " is read first and written only if no item with its key exists: a newer live item is never overwritten. With"
            + " `Prefer: wait=N` (up to 60 s) the answer waits for the job and is 200 when it finished in time. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "Finished within the wait asked for",
            content = @Content(schema = @Schema(implementation = RestoreViews.Job.class)))
    @APIResponse(responseCode = "202", description = "Started; poll the Location",
            content = @Content(schema = @Schema(implementation = RestoreViews.Job.class)))
    @APIResponse(responseCode = "400", description = "A bad field", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No policy governs the table", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The target table does not exist or has another key schema",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response start(@PathParam("table") String table,
                          @Parameter(description = "wait=N: wait up to N seconds (at most 60) for the job to finish")
                          @HeaderParam("Prefer") String prefer,
                          @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                  schema = @Schema(implementation = RestoreRequest.class), examples = {
                                  @ExampleObject(name = "one item", value = "{\"keys\": [{\"orderId\": {\"S\": \"o-1\"}}]}"),
                                  @ExampleObject(name = "a day of deletions, new TTL", value = "{\"deletedFrom\": \"2026-11-22T00:00:00Z\","
                                          + " \"deletedTo\": \"2026-11-23T00:00:00Z\", \"ttl\": \"RESET_FROM_POLICY\"}")}))
                          RestoreRequest body) throws InterruptedException {
        TableName name = ArchiveRequests.table("table", table);
        if (body == null) {
            throw ProblemException.invalidField("body", "is required: {\"objects\": [...]}, {\"keys\": [...]} or"
                    + " {\"deletedFrom\": ..., \"deletedTo\": ...}");
        }
        RestoreCommand command = new RestoreCommand(name, selection(name, body),
                body.targetTable() == null ? Optional.empty() : Optional.of(ArchiveRequests.table("targetTable", body.targetTable())),
                ttl(body.ttl()), Boolean.TRUE.equals(body.dryRun()), actor.name());
        int waitSeconds = waitSeconds(prefer);
        RestoreJob job = restore.start(command);
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (!job.state().finished() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            job = restore.job(job.id()).orElse(job);
        }
        URI location = URI.create("/api/v1/restores/" + job.id());
        Response.ResponseBuilder response = job.state().finished() && waitSeconds > 0 ? Response.ok() : Response.accepted();
        if (waitSeconds > 0) {
            response.header("Preference-Applied", "wait=" + waitSeconds);
        }
        return response.location(location).entity(RestoreViews.Job.of(job, true)).build();
    }

    @GET
    @Path("restores/{id}")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "A restore job", description = "Its state, counts, and each item's outcome.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = RestoreViews.Job.class)))
    @APIResponse(responseCode = "404", description = "No such job (jobs are kept by the admin API process, the last 100)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public RestoreViews.Job job(@PathParam("id") String id) {
        RestoreJobId jobId = ArchiveRequests.valid("id", () -> new RestoreJobId(id));
        return restore.job(jobId).map(job -> RestoreViews.Job.of(job, true)).orElseThrow(() -> new ProblemException(
                Problem.of("restore-job-not-found", "No such restore job", 404, "restore job '" + id + "' does not exist"
                        + " (the admin API keeps its last 100 jobs, and forgets them when it restarts)").with("jobId", id)));
    }

    @GET
    @Path("restores")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Recent restore jobs", description = "Newest first, without their outcomes.")
    @APIResponse(responseCode = "200", description = "The jobs", content = @Content(schema = @Schema(implementation = RestoreViews.Jobs.class)))
    public RestoreViews.Jobs recent(@Parameter(description = "How many, 1 to 100 (default 20)") @QueryParam("limit") String limit) {
        return new RestoreViews.Jobs(restore.recent(ArchiveRequests.limit(limit, 20, 100)).stream()
                .map(job -> RestoreViews.Job.of(job, false)).toList());
    }

    private RestoreSelection selection(TableName table, RestoreRequest body) {
        boolean byObjects = body.objects() != null;
        boolean byKeys = body.keys() != null;
        boolean byRange = body.deletedFrom() != null || body.deletedTo() != null;
        if ((byObjects ? 1 : 0) + (byKeys ? 1 : 0) + (byRange ? 1 : 0) != 1) {
            throw ProblemException.invalidField(byObjects ? "objects" : byKeys ? "keys" : "deletedFrom",
                    "give exactly one of objects, keys, and deletedFrom with deletedTo");
        }
        if (!byKeys && (body.from() != null || body.to() != null)) {
            throw ProblemException.invalidField(body.from() != null ? "from" : "to", "only goes with keys");
        }
        if (byObjects) {
            List<ObjectKey> keys = new ArrayList<>();
            for (int i = 0; i < body.objects().size(); i++) {
                String value = body.objects().get(i);
                if (value == null || value.isEmpty()) {
                    throw ProblemException.invalidField("objects[" + i + "]", "must be an object key");
                }
                keys.add(ArchiveRequests.valid("objects[" + i + "]", () -> new ObjectKey(value)));
            }
            return ArchiveRequests.valid("objects", () -> new RestoreSelection.ArchiveObjects(keys));
        }
        if (byKeys) {
            if (body.keys().size() > RestoreSelection.MAX_LISTED) {
                throw ProblemException.invalidField("keys", "names " + body.keys().size() + "; at most " + RestoreSelection.MAX_LISTED
                        + " per restore (restore a time range for more)");
            }
            List<ItemKey> keys = new ArrayList<>();
            for (int i = 0; i < body.keys().size(); i++) {
                JsonNode key = body.keys().get(i);
                if (key == null || !key.isObject()) {
                    throw ProblemException.invalidField("keys[" + i + "]", "must be an object of key attributes in DynamoDB JSON");
                }
                keys.add(ItemJson.key(browse, table, "keys[" + i + "]", key.toString()));
            }
            LocalDate to = body.to() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : ArchiveRequests.day("to", body.to());
            LocalDate from = body.from() == null ? to.minusDays(29) : ArchiveRequests.day("from", body.from());
            return ArchiveRequests.valid("keys", () -> new RestoreSelection.ItemKeys(keys, from, to));
        }
        var from = ArchiveRequests.instant("deletedFrom", body.deletedFrom());
        var to = ArchiveRequests.instant("deletedTo", body.deletedTo());
        return ArchiveRequests.valid("deletedTo", () -> new RestoreSelection.DeletedBetween(from, to));
    }

    private static TtlChoice ttl(String value) {
        if (value == null) {
            return TtlChoice.KEEP_ORIGINAL;
        }
        try {
            return TtlChoice.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("ttl", "'" + value + "' is not one of " + Arrays.toString(TtlChoice.values()));
        }
    }

    private static int waitSeconds(String prefer) {
        if (prefer == null) {
            return 0;
        }
        Matcher wait = PREFER_WAIT.matcher(prefer.toLowerCase(java.util.Locale.ROOT));
        return wait.find() ? (int) Math.min(Long.parseLong(wait.group(1)), MAX_WAIT_SECONDS) : 0;
    }
}
