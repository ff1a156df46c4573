package dev.lifecycle.domain.cost;

import dev.lifecycle.domain.policy.Violation;
import java.util.List;

/** A cost estimate was asked for with values outside what the model accepts; every violation is listed. */
public class InvalidCostAssumptionsException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidCostAssumptionsException(List<Violation> violations) {
        super("invalid cost estimate request: " + violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid request has at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
