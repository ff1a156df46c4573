package dev.lifecycle.http.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Answers a path under {@code /api/} that no resource serves with a problem+json 404, where the
 * HTTP layer would otherwise answer with an empty or HTML body.
 */
@Singleton
public class UnmatchedApiPaths {

    void install(@Observes Router router, ObjectMapper json) throws JsonProcessingException {
        // Outside JAX-RS, so the Problem is serialized here, once: the answer is the same for every such path.
        String body = json.writeValueAsString(Problem.of("not-found", "Not Found", 404,
                "no resource is served at this path; see /q/openapi for the API"));
        router.route("/api/*").order(Integer.MAX_VALUE).handler(context -> context.response().setStatusCode(404)
                .putHeader("Content-Type", Problem.MEDIA_TYPE).end(body));
    }
}
