package dev.lifecycle.http.cost;

import dev.lifecycle.domain.cost.EstimateCostUseCase;
import dev.lifecycle.domain.cost.EstimateCostUseCase.CostQuery;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.http.policy.PolicyRequests;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;
import dev.lifecycle.http.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What a policy would cost a month, archived per item (today) and batched (planned): docs/operations.md#cost-model. */
@Path("/api/v1/policies/{id}/cost-estimate")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cost", description = "Estimate a policy's monthly AWS cost from its workload")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE))
@APIResponse(responseCode = "403", description = "The token lacks the role", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class CostEstimateResource {

    private final EstimateCostUseCase costs;

    CostEstimateResource(EstimateCostUseCase costs) {
        this.costs = costs;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    @Operation(summary = "Estimate a policy's monthly cost", description = "From removals a day and the average item size: the"
            + " stream processor's Lambda requests and duration, the ledger's DynamoDB writes, and for each archive layout S3 PUTs,"
            + " lifecycle transitions, storage per class month by month (the policy's tiers, the 128 KiB transition minimum,"
            + " archiveExpiryDays and, in a versioned bucket, 30 more days for the noncurrent version), early-deletion charges and"
            + " restores. Both layouts are estimated side by side; `current` marks the one the policy uses (archiveLayout)."
            + " Prices come from lifecycle.admin.prices.*. Reads nothing but the policy. Roles lifecycle-viewer or lifecycle-admin.")
    @APIResponse(responseCode = "200", description = "The estimate",
            content = @Content(schema = @Schema(implementation = CostEstimateViews.Estimate.class)))
    @APIResponse(responseCode = "400", description = "A missing or invalid field (every one is listed), malformed JSON, a wrong type",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such policy", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CostEstimateViews.Estimate estimate(@PathParam("id") String id,
                                               @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                                                       schema = @Schema(implementation = CostEstimateRequest.class), examples = {
                                                       @ExampleObject(name = "a million a day", value = "{\"deletionsPerDay\": 1000000,"
                                                               + " \"averageItemBytes\": 2048, \"months\": 15}"),
                                                       @ExampleObject(name = "a longer batching window", value = "{\"deletionsPerDay\":"
                                                               + " 1000000, \"averageItemBytes\": 2048, \"batchingWindowSeconds\": 60}")}))
                                               CostEstimateRequest body) {
        PolicyId policy = PolicyRequests.policyId("id", id);
        if (body == null) {
            throw ProblemException.invalidField("body", "is required: {\"deletionsPerDay\": ..., \"averageItemBytes\": ...}");
        }
        return CostEstimateViews.Estimate.of(costs.estimate(new CostQuery(policy, body.toDraft().toAssumptions())));
    }
}
