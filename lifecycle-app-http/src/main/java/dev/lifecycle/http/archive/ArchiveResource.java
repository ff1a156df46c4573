package dev.lifecycle.http.archive;

import dev.lifecycle.domain.archive.ObjectKey;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.FindArchivedItemQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ListArchivedDayQuery;
import dev.lifecycle.domain.retrieve.BrowseArchivesUseCase.ReadArchiveEntryQuery;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Browsing a governed table's archive: by day, by item key, and one entry whole. */
@Path("/api/v1/tables/{table}/archives")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Archives", description = "Browse what was archived from a table")
@APIResponse(responseCode = "400", description = "A bad parameter", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "404", description = "No policy governs the table", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ArchiveResource {

    /** Without from and to, an item lookup searches this many days up to today. */
    static final int DEFAULT_ITEM_DAYS = 30;

    private final BrowseArchivesUseCase browse;
    private final Clock clock;

    ArchiveResource(BrowseArchivesUseCase browse, Clock clock) {
        this.browse = browse;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "List archive objects", description = "With `day`: that UTC day's objects in key order, a page at a time"
            + " (`after` continues; a Link header rel=next too). With `key`: every archive of that item between `from` and `to`"
            + " (default: the last 30 days), oldest first. Exactly one of `day` and `key`.")
    @APIResponse(responseCode = "200", description = "A day's page (DayListing) or an item's archives (ItemListing)",
            content = @Content(schema = @Schema(oneOf = {ArchiveViews.DayListing.class, ArchiveViews.ItemListing.class})))
    public Response list(@PathParam("table") String table,
                         @Parameter(description = "UTC day, yyyy-MM-dd") @QueryParam("day") String day,
                         @Parameter(description = "The item's key in DynamoDB JSON, e.g. {\"orderId\":{\"S\":\"o-1\"}}")
                         @QueryParam("key") String key,
                         @Parameter(description = "With key: first day searched (default 29 days before `to`)") @QueryParam("from") String from,
                         @Parameter(description = "With key: last day searched (default today, UTC)") @QueryParam("to") String to,
                         @Parameter(description = "With day: page size, 1 to 1000 (default 100)") @QueryParam("limit") String limit,
                         @Parameter(description = "With day: the `next` of the previous page") @QueryParam("after") String after,
                         @Context UriInfo uri) {
        TableName name = ArchiveRequests.table("table", table);
        if ((day == null) == (key == null)) {
            throw ProblemException.invalidField(day == null ? "day" : "key", "give exactly one of day (a day's listing) and key (an item's archives)");
        }
        if (day != null) {
            int size = ArchiveRequests.limit(limit, 100, 1000);
            LocalDate listed = ArchiveRequests.day("day", day);
            ListArchivedDayQuery query = new ListArchivedDayQuery(name, listed, Optional.ofNullable(after), size);
            ArchiveViews.DayListing page = ArchiveViews.DayListing.of(ArchiveRequests.valid("after", () -> browse.listDay(query)));
            Response.ResponseBuilder response = Response.ok(page);
            if (page.next() != null) {
                response.link(UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("after", page.next())
                        .replaceQueryParam("limit", size).build(), "next");
            }
            return response.build();
        }
        ItemKey itemKey = ItemJson.key(browse, name, "key", key);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : ArchiveRequests.day("to", to);
        LocalDate first = from == null ? last.minusDays(DEFAULT_ITEM_DAYS - 1L) : ArchiveRequests.day("from", from);
        FindArchivedItemQuery query = ArchiveRequests.valid("from", () -> new FindArchivedItemQuery(name, itemKey, first, last));
        return Response.ok(ArchiveViews.ItemListing.of(browse.findItem(query), first.toString(), last.toString())).build();
    }

    @GET
    @Path("object")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Read one archive entry", description = "The whole entry, its checksum verified: the old image, the cause,"
            + " the deletion time, the stream record and the policy version that archived it.")
    @APIResponse(responseCode = "200", description = "The entry",
            content = @Content(schema = @Schema(implementation = ArchiveViews.EntryView.class)))
    @APIResponse(responseCode = "404", description = "No such object, or no policy governs the table",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ArchiveViews.EntryView read(@PathParam("table") String table,
                                       @Parameter(description = "The object key, as a listing gives it", required = true)
                                       @QueryParam("key") String objectKey) {
        TableName name = ArchiveRequests.table("table", table);
        if (objectKey == null || objectKey.isEmpty()) {
            throw ProblemException.invalidField("key", "is required: the object key, as a listing gives it");
        }
        ObjectKey key = ArchiveRequests.valid("key", () -> new ObjectKey(objectKey));
        return ArchiveViews.EntryView.of(key, browse.read(new ReadArchiveEntryQuery(name, key)));
    }
}
