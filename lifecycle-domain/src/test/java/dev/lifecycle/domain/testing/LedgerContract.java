package dev.lifecycle.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifecycle.domain.ledger.LedgerCause;
import dev.lifecycle.domain.ledger.LedgerCounts;
import dev.lifecycle.domain.ledger.LedgerKey;
import dev.lifecycle.domain.ledger.LedgerPort;
import dev.lifecycle.domain.ledger.LedgerTally;
import dev.lifecycle.domain.ledger.SkipKind;
import dev.lifecycle.domain.table.TableName;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every implementation of the ledger port must show. The in-memory fake and the
 * DynamoDB adapter each run it by extending this class.
 */
public abstract class LedgerContract {

    private static final LocalDate DAY = LocalDate.parse("2026-11-22");

    private LedgerPort ledger;
    private TableName table;

    /** A ledger whose contents the tests' unique table names cannot collide with. */
    protected abstract LedgerPort ledgerPort();

    @BeforeEach
    void setUpPort() {
        ledger = ledgerPort();
        table = TableName.of("ledger-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    void aDayNeverCounted_readsEmpty() {
        assertThat(ledger.day(table, DAY)).isEmpty();
    }

    @Test
    void additions_toTheSameKey_addUp_inEveryCounter() {
        ledger.add(tally(DAY, LedgerCause.TTL, new LedgerCounts(5, 3, 1, Map.of(SkipKind.CAUSE_NOT_ARCHIVED, 1L), 0, 0)));
        ledger.add(tally(DAY, LedgerCause.TTL, new LedgerCounts(4, 1, 0, Map.of(SkipKind.NO_OLD_IMAGE, 1L), 2, 1)));

        assertThat(ledger.day(table, DAY)).containsExactly(Map.entry(LedgerCause.TTL,
                new LedgerCounts(9, 4, 1, Map.of(SkipKind.CAUSE_NOT_ARCHIVED, 1L, SkipKind.NO_OLD_IMAGE, 1L), 2, 1)));
    }

    @Test
    void aDay_readsEachCauseApart_andNoOtherDayOrTable() {
        TableName other = TableName.of(table.value() + "-other");
        ledger.add(tally(DAY, LedgerCause.TTL, LedgerCounts.oneArchived())
                .plus(tally(DAY, LedgerCause.USER, LedgerCounts.oneFailed()))
                .plus(tally(DAY, LedgerCause.UNKNOWN, LedgerCounts.oneUndecodable()))
                .plus(tally(DAY.plusDays(1), LedgerCause.TTL, LedgerCounts.oneArchived()))
                .plus(new LedgerTally(Map.of(new LedgerKey(other, DAY, LedgerCause.TTL), LedgerCounts.oneArchived()))));

        assertThat(ledger.day(table, DAY)).containsOnly(
                Map.entry(LedgerCause.TTL, LedgerCounts.oneArchived()),
                Map.entry(LedgerCause.USER, LedgerCounts.oneFailed()),
                Map.entry(LedgerCause.UNKNOWN, LedgerCounts.oneUndecodable()));
        assertThat(ledger.day(table, DAY.plusDays(1))).containsOnly(Map.entry(LedgerCause.TTL, LedgerCounts.oneArchived()));
        assertThat(ledger.day(other, DAY)).containsOnly(Map.entry(LedgerCause.TTL, LedgerCounts.oneArchived()));
    }

    @Test
    void concurrentAdditions_neverLoseACount() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                writes.add(pool.submit(() -> ledger.add(tally(DAY, LedgerCause.USER, LedgerCounts.oneArchived()))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(ledger.day(table, DAY).get(LedgerCause.USER)).isEqualTo(new LedgerCounts(40, 40, 0, Map.of(), 0, 0));
    }

    @Test
    void anEmptyTally_changesNothing() {
        ledger.add(LedgerTally.empty());

        assertThat(ledger.day(table, DAY)).isEmpty();
    }

    private LedgerTally tally(LocalDate day, LedgerCause cause, LedgerCounts counts) {
        return new LedgerTally(Map.of(new LedgerKey(table, day, cause), counts));
    }
}
