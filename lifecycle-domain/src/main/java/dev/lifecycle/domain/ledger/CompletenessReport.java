package dev.lifecycle.domain.ledger;

import dev.lifecycle.domain.table.TableName;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A table's day, cross-checked: what the ledger counted per cause, how many archive objects are
 * actually present under the day's prefix, the verdict with the findings behind it, and what a
 * ledger cannot prove.
 */
public record CompletenessReport(TableName table, LocalDate day, Instant checkedAt, Map<LedgerCause, LedgerCounts> byCause,
                                 LedgerCounts total, long objectsPresent, CompletenessVerdict verdict, List<String> findings,
                                 List<String> limits) {

    /** What the counters cannot show, said in every report. */
    public static final List<String> LIMITS = List.of(
            "received, alreadyArchived, skipped and failed count deliveries: Lambda delivers at least once, so a retried record"
                    + " counts again each time; archived counts archive objects written, each once",
            "the ledger sees only what reached the processor: a removal whose stream record expired unread (24 hours) or"
                    + " that happened while no event source mapping was attached is in neither the ledger nor the archive",
            "objects are counted by key under the day's prefix, across all causes; their content is not read here",
            "a ledger write that fails after the archive writes (the processor logs ledger-write-failed) leaves objects the"
                    + " ledger does not count: UNACCOUNTED_OBJECTS",
            "a failed attempt that a retry later archived cannot be told from one that was given up on: counters do not"
                    + " pair deliveries; the failure queue names the batches given up on");

    public CompletenessReport {
        if (table == null || day == null || checkedAt == null || byCause == null || total == null || verdict == null
                || findings == null || limits == null) {
            throw new IllegalArgumentException("a completeness report needs table, day, time, counts, verdict, findings and limits");
        }
        if (objectsPresent < 0) {
            throw new IllegalArgumentException("objectsPresent must not be negative, was " + objectsPresent);
        }
        byCause = byCause.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(byCause));
        findings = List.copyOf(findings);
        limits = List.copyOf(limits);
    }
}
