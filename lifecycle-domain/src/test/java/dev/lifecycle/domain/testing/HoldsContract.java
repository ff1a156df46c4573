package dev.lifecycle.domain.testing;

import static dev.lifecycle.domain.item.AttributeValue.n;
import static dev.lifecycle.domain.item.AttributeValue.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.audit.AuditLogPort;
import dev.lifecycle.domain.audit.AuditRecord;
import dev.lifecycle.domain.hold.HoldAlreadyExistsException;
import dev.lifecycle.domain.hold.HoldId;
import dev.lifecycle.domain.hold.HoldRecord;
import dev.lifecycle.domain.hold.HoldScope;
import dev.lifecycle.domain.hold.HoldState;
import dev.lifecycle.domain.hold.HoldsPort;
import dev.lifecycle.domain.hold.LegalHold;
import dev.lifecycle.domain.item.ItemKey;
import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every implementation of the holds port must show; the fake and the DynamoDB adapter run it. */
public abstract class HoldsContract {

    private static final Instant PLACED = Instant.parse("2026-11-22T09:00:00.123Z");

    private HoldsPort holds;
    private AuditLogPort audit;
    private String unique;

    protected abstract HoldsPort holdsPort();

    /** The audit log the port writes placements and releases to. */
    protected abstract AuditLogPort auditLog();

    @BeforeEach
    void setUpPort() {
        holds = holdsPort();
        audit = auditLog();
        unique = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aPlacedHold_isFoundWithEveryField_andItsAuditRecordIsWritten() {
        HoldRecord single = hold("single-" + unique, new HoldScope.SingleItem(ItemKey.of("pk", s("customer#1"), "sk", n("42"))));
        HoldRecord prefix = hold("prefix-" + unique, new HoldScope.PartitionKeyPrefix("customer#"));

        holds.place(single, record("placed " + single.id()));
        holds.place(prefix, record("placed " + prefix.id()));

        assertThat(holds.find(single.id())).contains(single);
        assertThat(holds.find(prefix.id())).contains(prefix);
        assertThat(holds.all()).contains(single, prefix);
        assertThat(audit.history(subject())).extracting(AuditRecord::summary).containsExactly("placed " + single.id(),
                "placed " + prefix.id());
    }

    @Test
    void aSecondPlacementWithTheSameId_isRefused_andWritesNoAuditRecord() {
        HoldRecord first = hold("twice-" + unique, new HoldScope.PartitionKeyPrefix("a"));
        holds.place(first, record("first"));

        assertThatThrownBy(() -> holds.place(hold("twice-" + unique, new HoldScope.PartitionKeyPrefix("b")), record("second")))
                .isInstanceOf(HoldAlreadyExistsException.class);
        assertThat(holds.find(first.id())).contains(first);
        assertThat(audit.history(subject())).extracting(AuditRecord::summary).containsExactly("first");
    }

    @Test
    void progressAndRelease_areKept_andARemovedHoldIsGoneForGood() {
        HoldRecord placed = hold("progress-" + unique, new HoldScope.PartitionKeyPrefix("a"));
        holds.place(placed, record("placed"));

        HoldRecord swept = placed.sweptThrough(LocalDate.of(2026, 11, 21)).withProblem(Optional.of("bucket has no object lock"));
        holds.recordProgress(swept);
        assertThat(holds.find(placed.id())).contains(swept);

        HoldRecord released = swept.released(PLACED.plusSeconds(60), "bob");
        holds.release(released, record("released"));
        assertThat(holds.find(placed.id())).hasValueSatisfying(found -> {
            assertThat(found.state()).isEqualTo(HoldState.RELEASING);
            assertThat(found.releasedBy()).contains("bob");
        });

        holds.recordProgress(swept.sweptThrough(LocalDate.of(2026, 11, 22)));
        assertThat(holds.find(placed.id())).as("progress of a run that began before the release never undoes it")
                .hasValueSatisfying(found -> {
                    assertThat(found.state()).isEqualTo(HoldState.RELEASING);
                    assertThat(found.archivesHeldThrough()).contains(LocalDate.of(2026, 11, 21));
                });

        holds.remove(placed.id());
        holds.recordProgress(swept);
        assertThat(holds.find(placed.id())).as("an update never brings a removed hold back").isEmpty();
        assertThat(audit.history(subject())).extracting(AuditRecord::summary).containsExactly("placed", "released");
    }

    private HoldRecord hold(String id, HoldScope scope) {
        return HoldRecord.placed(new LegalHold(new HoldId(id), TableName.of("orders"), scope, "litigation 2026-17", "alice", PLACED));
    }

    private AuditRecord record(String summary) {
        return new AuditRecord(subject(), AuditAction.HOLD_PLACED, "alice", Instant.now(), summary, List.of());
    }

    private String subject() {
        return "policy/holds-contract-" + unique;
    }
}
