package dev.lifecycle.http.problem;

/** Thrown by a resource to answer a problem it found itself (a bad query parameter, a missing header). */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 400: one request field (a parameter, a header, a body member) is wrong. */
    public static ProblemException invalidField(String field, String reason) {
        return new ProblemException(Problem.of("invalid-request", "The request is invalid", 400, field + ": " + reason)
                .withViolations(java.util.List.of(new Problem.FieldViolation(field, reason))));
    }
}
