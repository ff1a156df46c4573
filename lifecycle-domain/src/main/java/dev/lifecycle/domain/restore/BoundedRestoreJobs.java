package dev.lifecycle.domain.restore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restore jobs kept in memory, the most recent {@code capacity} of them: the jobs of one admin API
 * process. A restart forgets them; restoring again is safe, since a restore never overwrites.
 */
public final class BoundedRestoreJobs implements RestoreJobsPort {

    private final int capacity;
    private final Map<RestoreJobId, RestoreJob> jobs = new LinkedHashMap<>();

    public BoundedRestoreJobs(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    public synchronized void save(RestoreJob job) {
        jobs.put(job.id(), job);
        if (jobs.size() > capacity) {
            jobs.values().stream().filter(j -> j.state().finished()).min(Comparator.comparing(RestoreJob::createdAt))
                    .ifPresent(oldest -> jobs.remove(oldest.id()));
        }
    }

    @Override
    public synchronized Optional<RestoreJob> find(RestoreJobId id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public synchronized List<RestoreJob> recent(int limit) {
        List<RestoreJob> all = new ArrayList<>(jobs.values());
        all.sort(Comparator.comparing(RestoreJob::createdAt).reversed());
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }
}
