package dev.lifecycle.http.apply;

import dev.lifecycle.domain.apply.ApplyResult;
import dev.lifecycle.domain.apply.ChangeResult;
import dev.lifecycle.domain.apply.ConfigurationPlan;
import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.PlannedChange;
import java.util.List;

/** How plans, apply results and drift reports look in the API. */
public final class ConfigurationViews {

    private ConfigurationViews() {
    }

    /** One difference between what the policy needs and what AWS has. */
    public record Change(String target, String resource, String setting, String current, String desired, String feasibility,
                         String consequence) {
        static Change of(PlannedChange change) {
            return new Change(change.target().name(), change.resource(), change.setting().name(), change.current(),
                    change.desired(), change.feasibility().name(), change.consequence());
        }
    }

    /** What apply would change now; {@code upToDate} when nothing. */
    public record Plan(String policyId, long policyVersion, boolean upToDate, List<Change> changes) {
        static Plan of(ConfigurationPlan plan) {
            return new Plan(plan.policy().value(), plan.version().value(), plan.upToDate(),
                    plan.changes().stream().map(Change::of).toList());
        }
    }

    /** What apply did with one change. */
    public record Result(Change change, String status, String detail) {
        static Result of(ChangeResult result) {
            return new Result(Change.of(result.change()), result.status().name(), result.detail());
        }
    }

    /** The outcome of an apply: complete when every planned change was made. */
    public record Applied(String policyId, long policyVersion, boolean complete, List<Result> results) {
        static Applied of(ApplyResult result) {
            return new Applied(result.plan().policy().value(), result.plan().version().value(), result.complete(),
                    result.results().stream().map(Result::of).toList());
        }
    }

    /** The last comparison with AWS; state NOT_CHECKED before the first. */
    public record Status(String policyId, long policyVersion, String state, String checkedAt, Long checkedVersion,
                         List<Change> differences, String problem) {
        static Status of(long currentVersion, DriftReport report) {
            return new Status(report.policy().value(), currentVersion, report.state().name(), report.checkedAt().toString(),
                    report.version().value(), report.differences().stream().map(Change::of).toList(), report.problem().orElse(null));
        }

        static Status notChecked(String policyId, long currentVersion) {
            return new Status(policyId, currentVersion, "NOT_CHECKED", null, null, List.of(), null);
        }
    }
}
