package dev.lifecycle.http.replay;

import dev.lifecycle.domain.replay.ReplayFailuresCommand;
import dev.lifecycle.domain.replay.ReplayFailuresUseCase;
import dev.lifecycle.domain.replay.ReplayReport;
import dev.lifecycle.http.problem.Problem;
import dev.lifecycle.http.problem.ProblemException;

/** The replay of an admin API that has no failure queue configured: every run answers a 503 problem saying what to set. */
public final class ReplayNotConfigured implements ReplayFailuresUseCase {

    @Override
    public ReplayReport replay(ReplayFailuresCommand command) {
        throw new ProblemException(Problem.of("replay-not-configured", "Replay is not configured", 503,
                "the admin API has no failure queue: set lifecycle.admin.failure-queue-url (LIFECYCLE_ADMIN_FAILURE_QUEUE_URL)"
                        + " to the URL of the stream processor's on-failure SQS queue, and restart it"));
    }
}
