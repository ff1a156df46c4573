package dev.lifecycle.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.apply.DriftReport;
import dev.lifecycle.domain.apply.DriftState;
import dev.lifecycle.domain.apply.Feasibility;
import dev.lifecycle.domain.apply.PlannedChange;
import dev.lifecycle.domain.apply.PolicyStatusPort;
import dev.lifecycle.domain.apply.Setting;
import dev.lifecycle.domain.apply.Target;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the policy status port must show. The in-memory fake and
 * the DynamoDB adapter each run it by extending this class.
 */
public abstract class PolicyStatusContract {

    private static final Instant CHECKED_AT = Instant.parse("2026-11-22T09:00:00.123Z");

    private PolicyStatusPort statuses;
    private String unique;

    /** A port with no reports, or one whose contents the tests' unique ids cannot collide with. */
    protected abstract PolicyStatusPort statusPort();

    @BeforeEach
    void setUpPort() {
        statuses = statusPort();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aSavedDriftedReport_isFoundEqual_withEveryDifference() {
        DriftReport report = DriftReport.compared(id("a"), PolicyVersion.of(3), CHECKED_AT, List.of(
                new PlannedChange(Target.TABLE, "orders", Setting.TTL, "DISABLED", "ENABLED on 'expiresAt'", Feasibility.IN_PLACE,
                        "DynamoDB starts deleting expired items."),
                new PlannedChange(Target.BUCKET, "acme-archive", Setting.OBJECT_LOCK, "DISABLED (versioning not enabled)", "ENABLED",
                        Feasibility.NEEDS_CONSENT, "Irreversible: \"object lock\" can never be disabled; ünïcode kept.")));

        statuses.save(report);

        assertThat(statuses.find(id("a"))).contains(report);
    }

    @Test
    void aSavedInSyncReport_andAnUnknownReport_areFoundEqual() {
        DriftReport inSync = DriftReport.compared(id("b"), PolicyVersion.initial(), CHECKED_AT, List.of());
        DriftReport unknown = DriftReport.unknown(id("c"), PolicyVersion.of(2), CHECKED_AT, "table 'orders' does not exist");

        statuses.save(inSync);
        statuses.save(unknown);

        assertThat(statuses.find(id("b"))).contains(inSync);
        assertThat(statuses.find(id("c"))).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(unknown);
            assertThat(found.state()).isEqualTo(DriftState.UNKNOWN);
        });
    }

    @Test
    void savingAgain_replacesThePreviousReport() {
        statuses.save(DriftReport.unknown(id("d"), PolicyVersion.initial(), CHECKED_AT, "S3 failed"));
        DriftReport later = DriftReport.compared(id("d"), PolicyVersion.of(2), CHECKED_AT.plusSeconds(60), List.of());

        statuses.save(later);

        assertThat(statuses.find(id("d"))).contains(later);
    }

    @Test
    void aPolicyNeverChecked_hasNoReport_andDeletingForgetsIt() {
        statuses.save(DriftReport.compared(id("e"), PolicyVersion.initial(), CHECKED_AT, List.of()));

        statuses.delete(id("e"));
        statuses.delete(id("never"));

        assertThat(statuses.find(id("e"))).isEmpty();
        assertThat(statuses.find(id("never"))).isEmpty();
    }

    private PolicyId id(String suffix) {
        return PolicyId.of(unique + "-" + suffix);
    }
}
