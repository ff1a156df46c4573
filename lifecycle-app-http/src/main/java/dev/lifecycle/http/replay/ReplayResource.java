package dev.lifecycle.http.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifecycle.domain.replay.ReplayFailuresCommand;
import dev.lifecycle.domain.replay.ReplayFailuresUseCase;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Actor;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Replays the stream processor's failure queue: reads the failed batches again from the stream and archives them. */
@Path("/api/v1/replays")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Replay", description = "Recover the stream batches the processor gave up on")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ReplayResource {

    static final int DEFAULT_MAX_BATCHES = 10;

    private final ReplayFailuresUseCase replay;
    private final Actor actor;
    private final ObjectMapper json;

    ReplayResource(ReplayFailuresUseCase replay, Actor actor, ObjectMapper json) {
        this.replay = replay;
        this.actor = actor;
        this.json = json;
    }

    /** The body of a replay: how many failure messages to handle at most (default 10). */
    public record ReplayRequest(Integer maxBatches) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Replay failed batches", description = "Takes up to maxBatches messages from the failure queue, reads each"
            + " batch's records again from the DynamoDB stream and archives them as the stream processor does. A message is deleted"
            + " only when every record of its range was archived, already archived, skipped by the policy, or had aged out of the"
            + " stream (24 hours: reported as lost); every other message stays on the queue for the next replay. Answers the report;"
            + " stopReason LIMIT_REACHED means more may wait. Role lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The report of the run",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "400", description = "maxBatches is not 1 to 1000", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "No failure queue is configured, or the queue cannot be read",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReplayView replay(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReplayRequest.class),
            examples = @ExampleObject(name = "up to 50 failed batches", value = "{\"maxBatches\": 50}"))) String rawBody)
            throws JsonProcessingException {
        // The body is optional, so it is read here: an empty POST replays up to the default number of batches.
        ReplayRequest body = rawBody == null || rawBody.isBlank() ? null : json.readValue(rawBody, ReplayRequest.class);
        int maxBatches = body == null || body.maxBatches() == null ? DEFAULT_MAX_BATCHES : body.maxBatches();
        if (maxBatches < 1 || maxBatches > ReplayFailuresCommand.MAX_BATCHES_LIMIT) {
            throw ProblemException.invalidField("maxBatches", "must be 1 to " + ReplayFailuresCommand.MAX_BATCHES_LIMIT + ", was "
                    + maxBatches);
        }
        return ReplayView.of(replay.replay(new ReplayFailuresCommand(maxBatches, actor.name())));
    }
}
