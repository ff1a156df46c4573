package dev.lifecycle.http.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.lifecycle.adapters.aws.archive.UnreadableArchiveObjectException;
import dev.lifecycle.domain.bucket.BucketNotFoundException;
import dev.lifecycle.domain.cost.InvalidCostAssumptionsException;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.hold.HoldAlreadyExistsException;
import dev.lifecycle.domain.hold.HoldNotFoundException;
import dev.lifecycle.domain.hygiene.TtlAuditInProgressException;
import dev.lifecycle.domain.policy.InvalidPolicyException;
import dev.lifecycle.domain.policy.PolicyAlreadyExistsException;
import dev.lifecycle.domain.policy.PolicyChangeRejectedException;
import dev.lifecycle.domain.policy.PolicyNotFoundException;
import dev.lifecycle.domain.policy.PolicyVersionConflictException;
import dev.lifecycle.domain.policy.TableAlreadyGovernedException;
import dev.lifecycle.domain.policy.TableNotGovernedException;
import dev.lifecycle.domain.policy.Violation;
import dev.lifecycle.domain.restore.RestoreTargetMismatchException;
import dev.lifecycle.domain.retrieve.ArchiveEntryNotFoundException;
import dev.lifecycle.domain.retrieve.NotAnArchiveObjectException;
import dev.lifecycle.domain.table.TableNotFoundException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an {@code application/problem+json} answer: the domain's named
 * exceptions, malformed or mistyped JSON, security refusals and the framework's own 4xx. A client's
 * mistake is always a 4xx with the field and the reason; only a fault of the server or of AWS is a 5xx.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return answer(e.problem(), uri);
    }

    @ServerExceptionMapper
    public Response invalidPolicy(InvalidPolicyException e, UriInfo uri) {
        return answer(Problem.of("invalid-policy", "The policy is invalid", 400, count(e.violations()) + " of the policy "
                + (e.violations().size() == 1 ? "is" : "are") + " invalid").withViolations(fields(e.violations())), uri);
    }

    @ServerExceptionMapper
    public Response invalidCostAssumptions(InvalidCostAssumptionsException e, UriInfo uri) {
        return answer(Problem.of("invalid-request", "The request is invalid", 400, count(e.violations()) + " of the request "
                + (e.violations().size() == 1 ? "is" : "are") + " invalid").withViolations(fields(e.violations())), uri);
    }

    @ServerExceptionMapper
    public Response changeRejected(PolicyChangeRejectedException e, UriInfo uri) {
        return answer(Problem.of("change-rejected", "The change is not allowed", 409,
                "policy '" + e.id() + "' may not be changed this way").withViolations(fields(e.violations())), uri);
    }

    @ServerExceptionMapper
    public Response alreadyExists(PolicyAlreadyExistsException e, UriInfo uri) {
        return answer(Problem.of("policy-exists", "The policy already exists", 409, e.getMessage()).with("policyId", e.id().value()), uri);
    }

    @ServerExceptionMapper
    public Response tableGoverned(TableAlreadyGovernedException e, UriInfo uri) {
        return answer(Problem.of("table-governed", "Another policy governs the table", 409, e.getMessage())
                .with("table", e.table().value()).with("governedBy", e.governedBy().value()), uri);
    }

    @ServerExceptionMapper
    public Response notFound(PolicyNotFoundException e, UriInfo uri) {
        return answer(Problem.of("policy-not-found", "No such policy", 404, e.getMessage()).with("policyId", e.id().value()), uri);
    }

    @ServerExceptionMapper
    public Response versionConflict(PolicyVersionConflictException e, UriInfo uri) {
        return Response.fromResponse(answer(Problem.of("version-mismatch", "The policy has changed", 412,
                        "If-Match names version " + e.expected() + " but the current version is " + e.actual()
                                + ": read the policy again, then retry with its ETag")
                .with("currentVersion", e.actual().value()), uri))
                .header(HttpHeaders.ETAG, "\"" + e.actual().value() + "\"").build();
    }

    @ServerExceptionMapper
    public Response tableNotFound(TableNotFoundException e, UriInfo uri) {
        return answer(Problem.of("table-not-found", "The table does not exist", 409,
                e.getMessage() + " (or the admin API's credentials cannot see it): create it, or fix the policy or the request")
                .with("table", e.table().value()), uri);
    }

    @ServerExceptionMapper
    public Response notGoverned(TableNotGovernedException e, UriInfo uri) {
        return answer(Problem.of("table-not-governed", "No policy governs the table", 404,
                e.getMessage() + ": the platform knows a table's archive through its policy").with("table", e.table().value()), uri);
    }

    @ServerExceptionMapper
    public Response notAnArchiveObject(NotAnArchiveObjectException e, UriInfo uri) {
        return answer(Problem.of("not-an-archive-object", "The object is not one of the table's archive objects", 400,
                e.getMessage()).with("objectKey", e.objectKey().value()), uri);
    }

    @ServerExceptionMapper
    public Response archiveEntryNotFound(ArchiveEntryNotFoundException e, UriInfo uri) {
        return answer(Problem.of("archive-entry-not-found", "No such archive object", 404, e.getMessage())
                .with("objectKey", e.location().key().value()), uri);
    }

    @ServerExceptionMapper
    public Response unreadableArchive(UnreadableArchiveObjectException e, UriInfo uri) {
        LOG.warnf("unreadable archive object: %s", e.getMessage());
        return answer(Problem.of("archive-object-unreadable", "The archive object cannot be read", 502, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response holdExists(HoldAlreadyExistsException e, UriInfo uri) {
        return answer(Problem.of("hold-exists", "The hold already exists", 409,
                e.getMessage() + " (active, or released and still being cleaned up): choose another id").with("holdId", e.id().value()), uri);
    }

    @ServerExceptionMapper
    public Response holdNotFound(HoldNotFoundException e, UriInfo uri) {
        return answer(Problem.of("hold-not-found", "No such active hold", 404, e.getMessage()).with("holdId", e.id().value()), uri);
    }

    @ServerExceptionMapper
    public Response restoreTargetMismatch(RestoreTargetMismatchException e, UriInfo uri) {
        return answer(Problem.of("restore-target-mismatch", "The target table cannot hold the archived items", 409, e.getMessage()), uri);
    }

    @ServerExceptionMapper
    public Response bucketNotFound(BucketNotFoundException e, UriInfo uri) {
        return answer(Problem.of("bucket-not-found", "The policy's bucket does not exist", 409,
                e.getMessage() + " (or the admin API's credentials cannot see it): create it, or fix the policy")
                .with("bucket", e.bucket().value()), uri);
    }

    @ServerExceptionMapper
    public Response ttlAuditRunning(TtlAuditInProgressException e, UriInfo uri) {
        return answer(Problem.of("ttl-audit-running", "A TTL audit of the policy is running", 409, e.getMessage())
                .with("policyId", e.policy().value()), uri);
    }

    @ServerExceptionMapper
    public Response dependencyFailure(DependencyFailureException e, UriInfo uri) {
        LOG.warnf("%s failed: %s", e.service(), e.getMessage());
        Problem problem = Problem.of("dependency-failure", e.service() + " failed", e.retryable() ? 503 : 502, e.getMessage())
                .with("service", e.service()).with("retryable", e.retryable());
        Response response = answer(problem, uri);
        return e.retryable() ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, "5").build() : response;
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        var location = e.getLocation();
        String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return answer(Problem.of("malformed-json", "The body is not valid JSON", 400,
                "the body is not valid JSON" + where + ": " + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return answer(Problem.of("unknown-field", "The body has a field this API does not know", 400,
                "unknown field '" + field + "'").withViolations(List.of(new Problem.FieldViolation(field,
                "is not a field of this request; known fields: " + e.getKnownPropertyIds()))), uri);
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e, UriInfo uri) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String reason = e instanceof InvalidFormatException invalid
                ? "'" + invalid.getValue() + "' is not " + expected
                : "must be " + expected;
        if (field.isEmpty()) {
            return answer(Problem.of("malformed-json", "The body has the wrong shape", 400, "the body " + reason), uri);
        }
        return answer(Problem.of("wrong-type", "A field has the wrong type", 400, field + ": " + reason)
                .withViolations(List.of(new Problem.FieldViolation(field, reason))), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        return answer(Problem.of("malformed-json", "The body could not be read", 400,
                (field.isEmpty() ? "" : field + ": ") + e.getOriginalMessage()), uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("the bearer token is missing, malformed, expired or not signed by a trusted key", uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized("this endpoint needs a bearer token (Authorization: Bearer <JWT>)", uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return answer(Problem.of("forbidden", "The token's roles do not allow this", 403,
                "the token's groups claim lacks the role this needs: reads need lifecycle-viewer or lifecycle-admin,"
                        + " changes need lifecycle-admin"), uri);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri) {
        // The JSON reader wraps a parse failure in a bare 400: answer it with what the parser said.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatch instanceof UnrecognizedPropertyException unknown ? unknownField(unknown, uri) : wrongType(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return otherJson(json, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String title = original.getStatusInfo().getReasonPhrase();
        Response.ResponseBuilder builder = Response.fromResponse(answer(Problem.of(slug(title), title, status,
                e.getMessage() == null || e.getMessage().isBlank() ? title : e.getMessage()), uri));
        if (family == Response.Status.Family.CLIENT_ERROR && original.getHeaderString(HttpHeaders.ALLOW) != null) {
            builder.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s, on %s", incident, uri.getPath());
        return answer(Problem.of("internal-error", "Internal error", 500,
                "the server failed unexpectedly; the log has the details under incident " + incident).with("incident", incident), uri);
    }

    private static Response unauthorized(String detail, UriInfo uri) {
        return Response.fromResponse(answer(Problem.of("unauthorized", "Authentication required", 401, detail), uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lifecycle\"").build();
    }

    private static Response answer(Problem problem, UriInfo uri) {
        return problem.toResponse(uri == null ? null : uri.getPath());
    }

    private static String count(List<Violation> violations) {
        return violations.size() == 1 ? "1 field" : violations.size() + " fields";
    }

    private static List<Problem.FieldViolation> fields(List<Violation> violations) {
        return violations.stream().map(v -> new Problem.FieldViolation(v.field(), v.reason())).toList();
    }

    /** The JSON path of the failing member, e.g. {@code tiers[1].afterDays}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    private static String slug(String title) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
