package dev.lifecycle.domain.hold;

import java.util.List;

/** Makes AWS match the holds: held live items keep no TTL, held archive objects carry an S3 legal hold, released ones get both back. */
public interface EnforceHoldsUseCase {

    /** One enforcement run over every hold; runs never overlap. */
    EnforcementReport enforce();

    /** What a run did, and what it could not do. */
    record EnforcementReport(int holds, int ttlsRemoved, int ttlsRestored, int archiveObjectsHeld, int archiveObjectsReleased,
                             int holdsCleanedUp, List<String> problems) {
        public EnforcementReport {
            problems = List.copyOf(problems);
        }
    }
}
