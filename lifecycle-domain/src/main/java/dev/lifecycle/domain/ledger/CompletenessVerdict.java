package dev.lifecycle.domain.ledger;

/** The answer to "was everything that was deleted on this day archived?", most serious first. */
public enum CompletenessVerdict {
    /** Fewer archive objects are present than the processor wrote: something deleted archives (or the prefix changed). */
    MISSING_OBJECTS("fewer archive objects are present than the processor wrote"),
    /** Removals were skipped because the stream carried no old image: they were never archived. */
    REMOVALS_NOT_ARCHIVABLE("removals were skipped because the stream carries no old image; they are not in the archive"),
    /** Deliveries failed: Lambda retried them or gave up and sent their batch to the failure queue. */
    FAILURES_TO_CHECK("deliveries failed; check the failure queue and replay what it names"),
    /** More objects are present than the ledger counted: the ledger missed updates. Not data loss. */
    UNACCOUNTED_OBJECTS("more archive objects are present than the ledger counted; the ledger missed updates, no data is lost"),
    /** Objects are missing, but the policy's archive expiry has passed for the day: S3 removed them as the policy says. */
    ARCHIVES_EXPIRED("the policy's archive expiry has passed for this day; S3 removes its objects as the policy says"),
    /** Every object the processor wrote is present, nothing failed, nothing was unarchivable. */
    COMPLETE("every archive object the processor wrote for this day is present, and no delivery failed"),
    /** The ledger counted nothing and no object is present. */
    NO_DATA("the ledger counted nothing for this day and no archive object is present");

    private final String meaning;

    CompletenessVerdict(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
