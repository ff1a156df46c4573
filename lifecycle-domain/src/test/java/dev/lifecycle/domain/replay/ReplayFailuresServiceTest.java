package dev.lifecycle.domain.replay;

import static dev.lifecycle.domain.testing.TestRecords.EVENT_TIME;
import static dev.lifecycle.domain.testing.TestRecords.insert;
import static dev.lifecycle.domain.testing.TestRecords.order;
import static dev.lifecycle.domain.testing.TestRecords.userRemove;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.audit.AuditAction;
import dev.lifecycle.domain.failure.DependencyFailureException;
import dev.lifecycle.domain.stream.ChangeRecord;
import dev.lifecycle.domain.stream.FailedBatch;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.table.TableName;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryAuditLog;
import dev.lifecycle.domain.testing.InMemoryFailureQueue;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.InMemoryStream;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.TestPolicies;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplayFailuresServiceTest {

    private static final String STREAM = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-11-22T00:00:00.000";
    private static final String SHARD = "shardId-00000001";
    private static final long TTL = EVENT_TIME.getEpochSecond() + 3_600;

    private final InMemoryFailureQueue queue = new InMemoryFailureQueue();
    private final InMemoryStream stream = new InMemoryStream();
    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore archives = new InMemoryArchiveStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ManualClock clock = new ManualClock(EVENT_TIME.plusSeconds(600));
    private final ReplayFailuresService service = new ReplayFailuresService(queue, stream,
            ArchiveChangesService.sequential(policies, archives), audit, clock);

    @BeforeEach
    void governOrders() {
        policies.add(TestPolicies.policy());
    }

    @Test
    void aFailedBatchStillInTheStream_isArchivedAndItsMessageDeleted() {
        removals(101, 103);
        queue.send(batch(101, 103, 3));

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.Replayed.class, replayed -> {
            assertThat(replayed.counts().recovered()).isEqualTo(3);
            assertThat(replayed.lost()).isEmpty();
        });
        assertThat(archives.objects()).hasSize(3);
        assertThat(queue.size()).isZero();
        assertThat(report.stopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
    }

    @Test
    void recordsArchivedBefore_countAsAlreadyPresent_andTheMessageIsDeleted() {
        removals(101, 102);
        queue.send(batch(101, 102, 2));
        replay(10);
        queue.send(batch(101, 102, 2));

        ReplayReport second = replay(10);

        assertThat(second.totals().alreadyPresent()).isEqualTo(2);
        assertThat(second.totals().recovered()).isZero();
        assertThat(queue.size()).isZero();
    }

    @Test
    void insertsAndUpdatesInTheRange_areSkippedAsNotRemovals() {
        stream.append(STREAM, SHARD, userRemove(order("a", "1", TTL), "101"));
        stream.append(STREAM, SHARD, insert(order("b", "1", TTL), "102"));
        stream.append(STREAM, SHARD, userRemove(order("c", "1", TTL), "103"));
        queue.send(batch(101, 103, 2));

        MessageOutcome outcome = replay(10).outcomes().get(0);

        assertThat(outcome).isInstanceOf(MessageOutcome.Replayed.class);
        assertThat(outcome.counts().recovered()).isEqualTo(2);
        assertThat(outcome.counts().skipReasons()).containsExactly(java.util.Map.entry("INSERT is not a removal", 1));
        assertThat(outcome.lost()).isEmpty();
    }

    @Test
    void aRecordThatFailsAgain_keepsTheMessageOnTheQueue_withTheRecordAndTheReason() {
        removals(101, 103);
        archives.failWritesOf("102");
        String id = queue.send(batch(101, 103, 3));

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.FailedAgain.class, failed -> {
            assertThat(failed.counts().recovered()).isEqualTo(2);
            assertThat(failed.failures()).singleElement().satisfies(f -> {
                assertThat(f.sequenceNumber()).isEqualTo(SequenceNumber.of("102"));
                assertThat(f.retryable()).isTrue();
                assertThat(f.reason()).contains("503");
            });
            assertThat(failed.reason()).isEqualTo("1 of 3 records failed again");
        });
        assertThat(queue.contains(id)).isTrue();
    }

    @Test
    void aBatchThatFailedAgain_isRecoveredByTheNextRun_onceTheStoreIsBack() {
        removals(101, 103);
        archives.failWritesOf("102");
        queue.send(batch(101, 103, 3));
        replay(10);
        archives.healAll();

        ReplayReport second = replay(10);

        assertThat(second.totals().recovered()).isEqualTo(1);
        assertThat(second.totals().alreadyPresent()).isEqualTo(2);
        assertThat(queue.size()).isZero();
        assertThat(archives.objects()).hasSize(3);
    }

    @Test
    void aRangeWhoseStartAgedOut_reportsTheLostPart_recoversTheRest_andDeletesTheMessage() {
        removals(101, 105);
        stream.trimThrough(STREAM, SHARD, SequenceNumber.of("102"));
        queue.send(batch(101, 105, 5));

        MessageOutcome outcome = replay(10).outcomes().get(0);

        assertThat(outcome).isInstanceOf(MessageOutcome.Replayed.class);
        assertThat(outcome.counts().recovered()).isEqualTo(3);
        assertThat(outcome.lost()).contains(new LostRange(SequenceNumber.of("101"), Optional.of(SequenceNumber.of("103")), 2));
        assertThat(queue.size()).isZero();
    }

    @Test
    void aRangeThatAgedOutWhole_isReportedLost_andTheMessageIsDeleted() {
        removals(101, 103);
        removals(200, 200);
        stream.trimThrough(STREAM, SHARD, SequenceNumber.of("150"));
        queue.send(batch(101, 103, 3));

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.Replayed.class, replayed -> {
            assertThat(replayed.counts().read()).isZero();
            assertThat(replayed.lost()).contains(new LostRange(SequenceNumber.of("101"), Optional.empty(), 3));
        });
        assertThat(report.totals().lost()).isEqualTo(3);
        assertThat(queue.size()).isZero();
    }

    @Test
    void aRangePartlyAgedOut_withARecordFailingAgain_staysOnTheQueue_andReportsTheLostPartToo() {
        removals(101, 104);
        stream.trimThrough(STREAM, SHARD, SequenceNumber.of("101"));
        archives.failWritesOf("103");
        queue.send(batch(101, 104, 4));

        MessageOutcome outcome = replay(10).outcomes().get(0);

        assertThat(outcome).isInstanceOf(MessageOutcome.FailedAgain.class);
        assertThat(outcome.lost()).contains(new LostRange(SequenceNumber.of("101"), Optional.of(SequenceNumber.of("102")), 1));
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aStreamReadFailure_keepsThatMessage_andTheNextMessageIsStillReplayed() {
        removals(101, 101);
        String failing = queue.send(new FailedBatch("arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/gone",
                TableName.of("orders"), SHARD, SequenceNumber.of("1"), SequenceNumber.of("2"), 2, Optional.empty(),
                Optional.empty(), "RetryAttemptsExhausted"));
        queue.send(batch(101, 101, 1));

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).hasSize(2);
        assertThat(report.outcomes().get(0)).isInstanceOfSatisfying(MessageOutcome.FailedAgain.class,
                failed -> assertThat(failed.reason()).contains("reading " + SHARD).contains("no shard"));
        assertThat(report.outcomes().get(1)).isInstanceOf(MessageOutcome.Replayed.class);
        assertThat(queue.contains(failing)).isTrue();
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aReadThatStopsShortOfTheRangeEnd_keepsTheMessage() {
        removals(101, 104);
        stream.cutOffAfter(SequenceNumber.of("102"));
        queue.send(batch(101, 104, 4));

        MessageOutcome outcome = replay(10).outcomes().get(0);

        assertThat(outcome).isInstanceOfSatisfying(MessageOutcome.FailedAgain.class,
                failed -> assertThat(failed.reason()).contains("only up to 102"));
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void anUndecodableRecord_failsAgainPermanently_andKeepsTheMessage() {
        removals(101, 101);
        stream.appendUndecodable(STREAM, SHARD, SequenceNumber.of("102"), "dynamodb.OldImage.total.N: 'x' is not a number");
        queue.send(batch(101, 102, 2));

        MessageOutcome outcome = replay(10).outcomes().get(0);

        assertThat(outcome).isInstanceOfSatisfying(MessageOutcome.FailedAgain.class, failed -> {
            assertThat(failed.failures()).singleElement().satisfies(f -> {
                assertThat(f.retryable()).isFalse();
                assertThat(f.reason()).contains("is not a number");
            });
        });
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void anArchiveUseCaseThatThrows_failsTheBatchAgain_andKeepsTheMessage() {
        removals(101, 101);
        queue.send(batch(101, 101, 1));
        ReplayFailuresService throwing = new ReplayFailuresService(queue, stream, command -> {
            throw new IllegalStateException("boom");
        }, audit, clock);

        ReplayReport report = throwing.replay(new ReplayFailuresCommand(10, "alice"));

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.FailedAgain.class,
                failed -> assertThat(failed.reason()).contains("boom"));
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void anUnreadableMessage_isReportedAndStaysOnTheQueue() {
        String id = queue.sendUnreadable("the body is not JSON");

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.Unreadable.class,
                unreadable -> assertThat(unreadable.reason()).isEqualTo("the body is not JSON"));
        assertThat(queue.contains(id)).isTrue();
        assertThat(report.unreadable()).isEqualTo(1);
    }

    @Test
    void aMessageThatCannotBeDeleted_isReportedNotAcknowledged_andStaysOnTheQueue() {
        removals(101, 101);
        queue.send(batch(101, 101, 1));
        queue.failAcknowledgements(true);

        ReplayReport report = replay(10);

        assertThat(report.outcomes()).singleElement().isInstanceOfSatisfying(MessageOutcome.NotAcknowledged.class,
                n -> assertThat(n.reason()).contains("injected delete failure"));
        assertThat(archives.objects()).hasSize(1);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void messagesLeftOnTheQueue_areVisibleAgainForTheNextRun() {
        queue.sendUnreadable("not JSON");
        removals(101, 101);
        archives.failWritesOf("101");
        queue.send(batch(101, 101, 1));

        replay(10);

        assertThat(queue.visible()).isEqualTo(2);
    }

    @Test
    void theRunStopsAtMaxBatches_andSaysMoreMayWait() {
        for (int n = 0; n < 3; n++) {
            removals(101 + n, 101 + n);
            queue.send(batch(101 + n, 101 + n, 1));
        }

        ReplayReport report = replay(2);

        assertThat(report.outcomes()).hasSize(2);
        assertThat(report.stopReason()).isEqualTo(StopReason.LIMIT_REACHED);
        assertThat(queue.size()).isEqualTo(1);
    }

    @Test
    void aMessageSeenAgainInTheSameRun_stopsTheRun_insteadOfReplayingItTwice() {
        queue.sendUnreadable("not JSON");
        InMemoryFailureQueue expiring = queue;
        ReplayFailuresService withShortVisibility = new ReplayFailuresService(new ExpiringQueue(expiring), stream,
                ArchiveChangesService.sequential(policies, archives), audit, clock);

        ReplayReport report = withShortVisibility.replay(new ReplayFailuresCommand(10, "alice"));

        assertThat(report.outcomes()).hasSize(1);
        assertThat(report.stopReason()).isEqualTo(StopReason.MESSAGE_SEEN_AGAIN);
        assertThat(queue.visible()).isEqualTo(1);
    }

    @Test
    void aRun_isRecordedInTheAuditTrail_withWhoRanItAndTheCounts() {
        removals(101, 102);
        queue.send(batch(101, 102, 2));

        replay(10);

        assertThat(audit.history(ReplayFailuresService.AUDIT_SUBJECT)).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo(AuditAction.FAILURES_REPLAYED);
            assertThat(record.actor()).isEqualTo("alice");
            assertThat(record.at()).isEqualTo(clock.instant());
            assertThat(record.summary()).contains("2 recovered").contains("1 done and deleted");
        });
    }

    @Test
    void anEmptyQueue_givesAnEmptyReport_andNoAuditRecord() {
        ReplayReport report = replay(10);

        assertThat(report.outcomes()).isEmpty();
        assertThat(report.stopReason()).isEqualTo(StopReason.QUEUE_EMPTY);
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aQueueThatCannotBeRead_failsTheRun_whenNothingWasReplayedYet() {
        queue.failReceives(true);

        assertThatThrownBy(() -> replay(10)).isInstanceOf(DependencyFailureException.class).hasMessageContaining("SQS");
    }

    @Test
    void aCommand_refusesAMaxBatchesOutsideOneToTheLimit() {
        assertThatThrownBy(() -> new ReplayFailuresCommand(0, "alice")).hasMessageContaining("maxBatches must be 1 to 1000, was 0");
    }

    // ---- fixtures

    private ReplayReport replay(int maxBatches) {
        return service.replay(new ReplayFailuresCommand(maxBatches, "alice"));
    }

    /** User deletes with sequence numbers {@code from..to} in the shard. */
    private void removals(int from, int to) {
        for (int n = from; n <= to; n++) {
            ChangeRecord record = userRemove(order("customer#" + n, "order-" + n, TTL), Integer.toString(n));
            stream.append(STREAM, SHARD, record);
        }
    }

    private static FailedBatch batch(int from, int to, int size) {
        return new FailedBatch(STREAM, TableName.of("orders"), SHARD, SequenceNumber.of(Integer.toString(from)),
                SequenceNumber.of(Integer.toString(to)), size, Optional.of(EVENT_TIME), Optional.of(EVENT_TIME),
                "RetryAttemptsExhausted");
    }

    /** A queue whose visibility timeout passes between two receives. */
    private record ExpiringQueue(InMemoryFailureQueue queue) implements dev.lifecycle.domain.stream.FailureQueuePort {
        @Override
        public java.util.List<Received> receive(int maxMessages) {
            queue.expireVisibility();
            return queue.receive(maxMessages);
        }

        @Override
        public void acknowledge(Received received) {
            queue.acknowledge(received);
        }

        @Override
        public void release(Received received) {
            queue.release(received);
        }
    }
}
