package dev.lifecycle.http.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;

/**
 * Answers a path under {@code /api/} that no resource serves with a problem+json 404, where the
 * HTTP layer would otherwise answer with an empty or HTML body.
 */
@Singleton
public class UnmatchedApiPaths {

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MAX_VALUE).handler(context -> {
            String body = "{\"type\":\"urn:lifecycle:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                    + "\"detail\":\"no resource is served at this path; see /q/openapi for the API\"}";
            context.response().setStatusCode(404).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(io.vertx.core.buffer.Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
        });
    }
}
