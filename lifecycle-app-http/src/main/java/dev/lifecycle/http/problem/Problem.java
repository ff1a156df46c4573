package dev.lifecycle.http.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error the admin API answers. {@code type} is a
 * URN naming the kind of problem (listed in docs/api.md); {@code violations} names each field
 * and the reason; extension members carry data such as the current version.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "violations"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldViolation> violations,
                      @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String TYPE_PREFIX = "urn:lifecycle:problem:";

    public Problem {
        violations = violations == null ? List.of() : List.copyOf(violations);
        extensions = extensions == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extensions));
    }

    /** A problem of the given kind (the last segment of its type URN). */
    public static Problem of(String kind, String title, int status, String detail) {
        return new Problem(TYPE_PREFIX + kind, title, status, detail, null, List.of(), Map.of());
    }

    public Problem withViolations(List<FieldViolation> fieldViolations) {
        return new Problem(type, title, status, detail, instance, fieldViolations, extensions);
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, instance, violations, more);
    }

    public Problem at(String requestPath) {
        return new Problem(type, title, status, detail, requestPath, violations, extensions);
    }

    /** The answer carrying this problem, located at the request path. */
    public Response toResponse(String requestPath) {
        Problem located = requestPath == null ? this : at(requestPath);
        return Response.status(status).type(PROBLEM_JSON).entity(located).build();
    }

    /** Extension members appear beside the standard ones, not nested. */
    @JsonAnyGetter
    Map<String, Object> members() {
        return extensions;
    }

    /** One field of a request and why it was refused; {@code field} is a JSON-style path such as {@code tiers[1].afterDays}. */
    public record FieldViolation(String field, String reason) {
    }
}
