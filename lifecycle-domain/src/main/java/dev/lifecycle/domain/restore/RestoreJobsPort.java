package dev.lifecycle.domain.restore;

import java.util.List;
import java.util.Optional;

/** Keeps restore jobs and their progress. */
public interface RestoreJobsPort {

    /** Stores the job, replacing an earlier state of the same job. */
    void save(RestoreJob job);

    Optional<RestoreJob> find(RestoreJobId id);

    /** The most recently created jobs, newest first. */
    List<RestoreJob> recent(int limit);
}
