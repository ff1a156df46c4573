package dev.lifecycle.domain.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges a day: the ledger's counters against the archive objects present. A pure function of its inputs. */
public final class CompletenessRules {

    private CompletenessRules() {
    }

    /** A verdict and every finding behind it (the verdict is the most serious finding). */
    public record Judgement(CompletenessVerdict verdict, List<String> findings) {
        public Judgement {
            if (verdict == null || findings == null) {
                throw new IllegalArgumentException("a judgement needs a verdict and findings");
            }
            findings = List.copyOf(findings);
        }
    }

    /**
     * @param archiveExpiryDays the policy's archive expiry, if any: objects older than that are removed by S3 on purpose
     * @param today             the current UTC day
     */
    public static Judgement judge(LedgerCounts total, long objectsPresent, LocalDate day, Optional<Integer> archiveExpiryDays,
                                  LocalDate today) {
        List<String> findings = new ArrayList<>();
        List<CompletenessVerdict> verdicts = new ArrayList<>();
        long written = total.archived();
        if (objectsPresent < written) {
            boolean expired = archiveExpiryDays.map(days -> !day.plusDays(days).isAfter(today)).orElse(false);
            if (expired) {
                verdicts.add(CompletenessVerdict.ARCHIVES_EXPIRED);
                findings.add((written - objectsPresent) + " of the " + written + " objects written are gone; the policy expires"
                        + " archives after " + archiveExpiryDays.get() + " days, which this day has passed");
            } else {
                verdicts.add(CompletenessVerdict.MISSING_OBJECTS);
                findings.add((written - objectsPresent) + " of the " + written + " objects the processor wrote are not present:"
                        + " something deleted archive objects, or the policy's bucket or prefix changed since they were written");
            }
        } else if (objectsPresent > written) {
            verdicts.add(CompletenessVerdict.UNACCOUNTED_OBJECTS);
            findings.add((objectsPresent - written) + " objects are present that the ledger did not count: ledger writes failed"
                    + " or were switched off, or the objects were written before the ledger existed; no data is lost");
        }
        long noOldImage = total.skipped(SkipKind.NO_OLD_IMAGE);
        if (noOldImage > 0) {
            verdicts.add(CompletenessVerdict.REMOVALS_NOT_ARCHIVABLE);
            findings.add(noOldImage + " removal deliveries were skipped because the stream carries no old image: set the stream's"
                    + " view type to NEW_AND_OLD_IMAGES (apply the policy); these items are not in the archive");
        }
        if (total.failed() > 0) {
            verdicts.add(CompletenessVerdict.FAILURES_TO_CHECK);
            findings.add(total.failed() + " deliveries failed" + (total.undecodable() > 0 ? " (" + total.undecodable()
                    + " of them undecodable)" : "") + ": Lambda retries a failed record, and past its retry limit sends the"
                    + " batch's sequence numbers to the failure queue; replay what the queue names while the stream still holds it");
        }
        long byDesign = total.skipped(SkipKind.CAUSE_NOT_ARCHIVED) + total.skipped(SkipKind.KEY_OUTSIDE_FILTER);
        if (byDesign > 0) {
            findings.add(byDesign + " removal deliveries were skipped by the policy (a cause it does not archive, or a key"
                    + " outside its filter)");
        }
        if (day.plusDays(2).isAfter(today)) {
            findings.add("the day is not closed: its stream records can still arrive until " + day.plusDays(2)
                    + "T00:00Z (24 hours of stream retention), so the counts may grow");
        }
        if (total.isEmpty() && objectsPresent == 0) {
            return new Judgement(CompletenessVerdict.NO_DATA, findings);
        }
        CompletenessVerdict verdict = verdicts.stream().min(Enum::compareTo).orElse(CompletenessVerdict.COMPLETE);
        if (verdict == CompletenessVerdict.COMPLETE) {
            findings.add(0, "all " + written + " archive objects the processor wrote are present");
        }
        return new Judgement(verdict, findings);
    }
}
