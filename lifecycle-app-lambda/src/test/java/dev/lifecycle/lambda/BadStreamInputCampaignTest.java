package dev.lifecycle.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.lifecycle.adapters.aws.json.JsonFactories;
import dev.lifecycle.adapters.aws.stream.StreamEventDecodingException;
import dev.lifecycle.domain.archive.ArchiveChangesService;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase;
import dev.lifecycle.domain.archive.ArchiveChangesUseCase.RecordOutcome;
import dev.lifecycle.domain.archive.ArchiveEntry;
import dev.lifecycle.domain.ledger.LedgerRecorder;
import dev.lifecycle.domain.policy.CachingPolicyLoader;
import dev.lifecycle.domain.policy.PolicyId;
import dev.lifecycle.domain.policy.PolicyVersion;
import dev.lifecycle.domain.stream.SequenceNumber;
import dev.lifecycle.domain.testing.InMemoryArchiveStore;
import dev.lifecycle.domain.testing.InMemoryLedger;
import dev.lifecycle.domain.testing.InMemoryPolicyRepository;
import dev.lifecycle.domain.testing.ManualClock;
import dev.lifecycle.domain.testing.TestPolicies;
import dev.lifecycle.domain.testing.TestRecords;
import dev.lifecycle.lambda.BadStreamEvents.Answer;
import dev.lifecycle.lambda.BadStreamEvents.Batch;
import dev.lifecycle.lambda.BadStreamEvents.Generated;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bad-stream-input campaign (issue 6): thousands of generated Lambda stream events full of
 * malformed, odd and hostile records go through the real handler path (decoder, processor,
 * archive use case, ledger) on the in-memory ports. Every record must end archived, skipped
 * deliberately or reported by its sequence number, exactly as its kind deserves; the only
 * exception that may leave the handler is the documented whole-batch failure, and only for a
 * batch that cannot be split into records. Seed and size come from {@code -Dcampaign.seed} and
 * {@code -Dcampaign.batches}; the summary line says which were used.
 */
class BadStreamInputCampaignTest {

    private static final long SEED = Long.getLong("campaign.seed", 20_261_122L);
    private static final int BATCHES = Integer.getInteger("campaign.batches", 2_000);
    private static final Pattern LOGGED = Pattern.compile("^record (\\d+) (skipped|failed|got no outcome)");

    private final InMemoryPolicyRepository policies = new InMemoryPolicyRepository();
    private final InMemoryArchiveStore store = new InMemoryArchiveStore();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final ManualClock clock = new ManualClock(TestRecords.EVENT_TIME);
    private final ExecutorService writers = Executors.newFixedThreadPool(4);
    private final Recording recording = new Recording();
    private final LogLines logLines = new LogLines();
    private final Logger processorLog = Logger.getLogger(StreamBatchProcessor.class.getName());
    private StreamBatchProcessor processor;
    private StreamBatchHandler handler;

    /** The archive use case as wired in production, each batch's outcomes kept so that a skip can be told from a drop. */
    private static final class Recording implements ArchiveChangesUseCase {
        ArchiveChangesUseCase delegate;
        final List<RecordOutcome> outcomes = new ArrayList<>();
        int calls;

        @Override
        public BatchResult archive(ArchiveChangesCommand command) {
            calls++;
            BatchResult result = delegate.archive(command);
            outcomes.addAll(result.outcomes());
            return result;
        }
    }

    /** The processor's log lines about single records, and any at ERROR level. */
    private static final class LogLines extends Handler {
        final Map<SequenceNumber, String> named = new HashMap<>();
        final List<String> errors = new ArrayList<>();
        final List<String> ledgerFailures = new ArrayList<>();

        @Override
        public void publish(LogRecord record) {
            String message = record.getParameters() == null || record.getParameters().length == 0 ? record.getMessage()
                    : String.format(record.getMessage(), record.getParameters());
            Matcher line = LOGGED.matcher(message);
            if (line.find()) {
                named.put(SequenceNumber.of(line.group(1)), message);
            }
            if (message.startsWith("ledger-write-failed")) {
                ledgerFailures.add(message);
            }
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(message);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @BeforeEach
    void wireTheProcessorOnInMemoryPorts() {
        policies.add(TestPolicies.policy());
        policies.add(TestPolicies.withTable(TestPolicies.withSortKey(TestPolicies.withCauses(TestPolicies.draft(), "TTL"), null),
                "sessions").toPolicy(PolicyId.of("sessions-retention"), PolicyVersion.initial()));
        CachingPolicyLoader cached = new CachingPolicyLoader(policies, clock, Duration.ofMinutes(1));
        recording.delegate = new ArchiveChangesService(cached, store, writers);
        processor = new StreamBatchProcessor(recording, Optional.of(new LedgerRecorder(cached, ledger, clock)));
        handler = new StreamBatchHandler(processor);
        // Thousands of skip and failure lines would drown the build's output: they are counted here instead.
        processorLog.setUseParentHandlers(false);
        processorLog.setLevel(Level.INFO);
        processorLog.addHandler(logLines);
    }

    @AfterEach
    void restoreLogging() {
        processorLog.removeHandler(logLines);
        processorLog.setLevel(null);
        processorLog.setUseParentHandlers(true);
        writers.shutdownNow();
    }

    @Test
    void everyRecord_isArchivedSkippedOrReported_asItsKindDeserves_andOnlyUnsplittableBatchesFailWhole() throws IOException {
        long started = System.nanoTime();
        BadStreamEvents events = new BadStreamEvents(SEED);
        Tally tally = new Tally();
        List<String> violations = new ArrayList<>();
        for (int index = 0; index < BATCHES; index++) {
            Batch batch = events.next(index);
            run(batch, tally, violations);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println(tally.summary(SEED, BATCHES, millis));
        assertThat(violations).as("violations (seed %d; replay with -Dcampaign.seed=%d -Dcampaign.batches=%d)", SEED, SEED, BATCHES)
                .isEmpty();
        assertThat(logLines.errors).as("ERROR lines of the processor").isEmpty();
        assertThat(logLines.ledgerFailures).as("batches the ledger could not count").isEmpty();
        assertThat(tally.records).isEqualTo(tally.archived + tally.skipped + tally.reported + tally.inFailedBatches);
    }

    private void run(Batch batch, Tally tally, List<String> violations) throws IOException {
        recording.outcomes.clear();
        recording.calls = 0;
        logLines.named.clear();
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        RuntimeException thrown = null;
        try {
            handler.handleRequest(new ByteArrayInputStream(batch.event()), response, null);
        } catch (StreamEventDecodingException e) {
            thrown = e;
        } catch (RuntimeException e) {
            violations.add(where(batch, null) + " threw " + e + " (only StreamEventDecodingException may leave the handler)");
            return;
        }
        tally.batch(batch.wholeBatchFlaw(), thrown != null);
        if (batch.wholeBatchFlaw().isPresent()) {
            checkFailedWhole(batch, thrown, response, tally, violations);
            return;
        }
        if (thrown != null) {
            violations.add(where(batch, null) + " failed whole (" + thrown.getMessage() + ") but every record has a sequence number");
            return;
        }
        checkEachRecord(batch, readFailures(response.toByteArray(), batch, violations), tally, violations);
    }

    private void checkFailedWhole(Batch batch, RuntimeException thrown, ByteArrayOutputStream response, Tally tally,
                                  List<String> violations) {
        String flaw = batch.wholeBatchFlaw().get();
        if (thrown == null) {
            violations.add(where(batch, null) + " has flaw " + flaw + " but did not fail whole; it answered " + response);
        } else if (response.size() > 0 || recording.calls > 0) {
            violations.add(where(batch, null) + " failed whole after archiving or answering (" + recording.calls + " calls)");
        } else if (thrown.getMessage() == null || thrown.getMessage().isBlank()) {
            violations.add(where(batch, null) + " failed whole without saying why");
        }
        batch.records().forEach(record -> tally.inFailedBatch(record.kind()));
    }

    private void checkEachRecord(Batch batch, Set<SequenceNumber> reported, Tally tally, List<String> violations) {
        Map<SequenceNumber, List<RecordOutcome>> outcomes = new HashMap<>();
        recording.outcomes.forEach(outcome -> outcomes.computeIfAbsent(outcome.sequenceNumber(), key -> new ArrayList<>()).add(outcome));
        Map<SequenceNumber, Integer> used = new HashMap<>();
        for (int i = 0; i < batch.records().size(); i++) {
            Generated record = batch.records().get(i);
            SequenceNumber sequence = SequenceNumber.of(record.sequenceNumber());
            Optional<Answer> actual;
            if (reported.contains(sequence)) {
                actual = Optional.of(Answer.REPORTED);
            } else {
                List<RecordOutcome> forSequence = outcomes.getOrDefault(sequence, List.of());
                int next = used.merge(sequence, 1, Integer::sum) - 1;
                actual = next < forSequence.size() ? answerOf(forSequence.get(next)) : Optional.empty();
            }
            if (actual.isPresent()) {
                tally.answered(record.kind(), actual.get());
            } else {
                tally.dropped(record.kind());
            }
            if (actual.isEmpty()) {
                violations.add(where(batch, i) + " " + record.kind() + " was dropped: not reported, and neither archived nor skipped");
            } else if (actual.get() != record.expected()) {
                violations.add(where(batch, i) + " " + record.kind() + " was " + actual.get() + ", expected " + record.expected()
                        + " (" + logLines.named.getOrDefault(sequence, "no log line") + "): " + abbreviate(record.spec().render()));
            }
            if (actual.isPresent() && actual.get() != Answer.ARCHIVED && !logLines.named.containsKey(sequence)) {
                violations.add(where(batch, i) + " " + record.kind() + " was " + actual.get() + " without a log line naming it");
            }
        }
    }

    /** Archived only when the object is really in the store, under the record's sequence number. */
    private Optional<Answer> answerOf(RecordOutcome outcome) {
        if (outcome instanceof RecordOutcome.Archived archived) {
            Optional<ArchiveEntry> stored = store.read(archived.location());
            return stored.filter(entry -> entry.sequenceNumber().equals(outcome.sequenceNumber())).map(entry -> Answer.ARCHIVED);
        }
        if (outcome instanceof RecordOutcome.Skipped) {
            return Optional.of(Answer.SKIPPED);
        }
        return Optional.empty();
    }

    /** The answer's batch item failures, checked against Lambda's format: each once, each a record of the batch, as sent. */
    private static Set<SequenceNumber> readFailures(byte[] response, Batch batch, List<String> violations) throws IOException {
        Set<String> sent = new HashSet<>();
        batch.records().forEach(record -> sent.add(record.sequenceNumber()));
        Set<SequenceNumber> failures = new HashSet<>();
        try (JsonParser json = JsonFactories.shared().createParser(response)) {
            boolean shaped = json.nextToken() == JsonToken.START_OBJECT && json.nextToken() == JsonToken.FIELD_NAME
                    && "batchItemFailures".equals(json.currentName()) && json.nextToken() == JsonToken.START_ARRAY;
            while (shaped && json.nextToken() == JsonToken.START_OBJECT) {
                shaped = json.nextToken() == JsonToken.FIELD_NAME && "itemIdentifier".equals(json.currentName())
                        && json.nextToken() == JsonToken.VALUE_STRING;
                String identifier = shaped ? json.getText() : null;
                shaped = shaped && json.nextToken() == JsonToken.END_OBJECT;
                if (identifier != null && !sent.contains(identifier)) {
                    violations.add(where(batch, null) + " reported '" + identifier + "', which no record of the batch sent");
                }
                if (identifier != null && !failures.add(SequenceNumber.of(identifier))) {
                    violations.add(where(batch, null) + " reported '" + identifier + "' twice");
                }
            }
            shaped = shaped && json.nextToken() == JsonToken.END_OBJECT && json.nextToken() == null;
            if (!shaped) {
                violations.add(where(batch, null) + " answered something else than {\"batchItemFailures\":[...]}: "
                        + new String(response, StandardCharsets.UTF_8));
            }
        }
        return failures;
    }

    private static String where(Batch batch, Integer record) {
        return "batch " + batch.index() + (record == null ? "" : " record " + record);
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + text.length() + " chars)";
    }

    /** Counts per kind of record and of whole-batch flaw, for the summary. */
    private static final class Tally {
        /** What became of the records of one kind. */
        private static final class Counts {
            int tried;
            final EnumMap<Answer, Integer> answered = new EnumMap<>(Answer.class);
            int inFailedBatches;
            int dropped;
        }

        final Map<String, Counts> byKind = new TreeMap<>();
        final Map<String, Integer> flaws = new TreeMap<>();
        final Map<String, Integer> flawsFailedWhole = new TreeMap<>();
        int batches;
        int failedWhole;
        int records;
        int archived;
        int skipped;
        int reported;
        int inFailedBatches;
        int dropped;

        void batch(Optional<String> flaw, boolean failed) {
            batches++;
            failedWhole += failed ? 1 : 0;
            flaw.ifPresent(name -> flaws.merge(name, 1, Integer::sum));
            flaw.ifPresent(name -> flawsFailedWhole.merge(name, failed ? 1 : 0, Integer::sum));
        }

        private Counts kind(String kind) {
            records++;
            Counts counts = byKind.computeIfAbsent(kind, k -> new Counts());
            counts.tried++;
            return counts;
        }

        void answered(String kind, Answer answer) {
            kind(kind).answered.merge(answer, 1, Integer::sum);
            switch (answer) {
                case ARCHIVED -> archived++;
                case SKIPPED -> skipped++;
                case REPORTED -> reported++;
            }
        }

        void inFailedBatch(String kind) {
            kind(kind).inFailedBatches++;
            inFailedBatches++;
        }

        void dropped(String kind) {
            kind(kind).dropped++;
            dropped++;
        }

        String summary(long seed, int size, long millis) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                    "[campaign] bad stream input (seed %d): %,d batches (%,d failed whole, as documented), %,d records: %,d archived,"
                            + " %,d skipped, %,d reported, %,d in batches that failed whole, %,d dropped; %,d ms",
                    seed, size, failedWhole, records, archived, skipped, reported, inFailedBatches, dropped, millis));
            byKind.forEach((kind, counts) -> {
                out.append(String.format(Locale.ROOT, "%n[campaign]   %-30s %,6d →", kind, counts.tried));
                counts.answered.forEach((answer, count) -> out.append(String.format(Locale.ROOT, " %s %,d",
                        answer.name().toLowerCase(Locale.ROOT), count)));
                if (counts.inFailedBatches > 0) {
                    out.append(String.format(Locale.ROOT, ", in batches that failed whole %,d", counts.inFailedBatches));
                }
                if (counts.dropped > 0) {
                    out.append(String.format(Locale.ROOT, ", DROPPED %,d", counts.dropped));
                }
            });
            flaws.forEach((flaw, count) -> out.append(String.format(Locale.ROOT, "%n[campaign]   batch flaw %-27s %,6d → failed whole %,d",
                    flaw, count, flawsFailedWhole.get(flaw))));
            return out.toString();
        }
    }
}
