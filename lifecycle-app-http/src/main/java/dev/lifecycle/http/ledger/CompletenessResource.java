package dev.lifecycle.http.ledger;

import dev.lifecycle.domain.ledger.ReportCompletenessUseCase;
import dev.lifecycle.domain.ledger.ReportCompletenessUseCase.CompletenessQuery;
import dev.lifecycle.http.archive.ArchiveRequests;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Was everything deleted from a table on a day archived? The ledger's counts against the objects present (docs/completeness.md). */
@Path("/api/v1/tables/{table}/completeness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Completeness", description = "Check a day's removals against the archive")
@APIResponse(responseCode = "400", description = "A bad table name or day", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No policy governs the table", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "502", description = "DynamoDB or S3 failed for good", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "503", description = "DynamoDB or S3 failed; retrying may help", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class CompletenessResource {

    private final ReportCompletenessUseCase completeness;

    CompletenessResource(ReportCompletenessUseCase completeness) {
        this.completeness = completeness;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Completeness of a day", description = "The stream processor's ledger for the UTC day (deliveries received,"
            + " objects archived, duplicates, skips by reason, failed attempts, per cause), the archive objects present under the day's"
            + " prefix (every key listed, none read), and a verdict: COMPLETE, MISSING_OBJECTS, REMOVALS_NOT_ARCHIVABLE,"
            + " FAILURES_TO_CHECK, UNACCOUNTED_OBJECTS, ARCHIVES_EXPIRED or NO_DATA, with the findings behind it and the limits of"
            + " what a ledger proves. Roles lifecycle-viewer or lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = CompletenessViews.Report.class)))
    public CompletenessViews.Report report(@PathParam("table") String table,
                                           @Parameter(description = "UTC day, yyyy-MM-dd", required = true) @QueryParam("day") String day) {
        CompletenessQuery query = new CompletenessQuery(ArchiveRequests.table("table", table), ArchiveRequests.day("day", day));
        return CompletenessViews.Report.of(completeness.report(query));
    }
}
