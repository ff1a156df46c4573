package dev.lifecycle.domain.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces background work (restores, scans, hold enforcement) to a steady rate so that it never
 * starves a live table: {@link #acquire} waits until the next permit is due. Permits are spaced
 * evenly, with no burst, so the rate holds over any window longer than one permit.
 */
public final class Throttle {

    /** How a throttle waits; production sleeps, tests advance a clock. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;
    private Instant nextFree;

    private Throttle(Duration interval, Clock clock, Sleeper sleeper) {
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * A throttle that hands out at most {@code permitsPerSecond} permits a second.
     *
     * @throws IllegalArgumentException when the rate is not between 0.001 and 1,000,000
     */
    public static Throttle perSecond(double permitsPerSecond, Clock clock, Sleeper sleeper) {
        if (!(permitsPerSecond >= 0.001 && permitsPerSecond <= 1_000_000)) {
            throw new IllegalArgumentException("rate must be between 0.001 and 1000000 per second, was " + permitsPerSecond);
        }
        if (clock == null || sleeper == null) {
            throw new IllegalArgumentException("a throttle needs a clock and a sleeper");
        }
        return new Throttle(Duration.ofNanos(Math.round(1_000_000_000d / permitsPerSecond)), clock, sleeper);
    }

    /** A sleeper that really sleeps. */
    public static Sleeper threadSleeper() {
        return duration -> Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
    }

    /** Waits until {@code permits} permits are due, then takes them. */
    public synchronized void acquire(int permits) throws InterruptedException {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        Instant now = clock.instant();
        if (nextFree == null || nextFree.isBefore(now)) {
            nextFree = now;
        }
        Duration wait = Duration.between(now, nextFree);
        nextFree = nextFree.plus(interval.multipliedBy(permits));
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
    }

    /**
     * Waits for one permit, for work that cannot be interrupted halfway: an interrupt (the process
     * stopping) ends the wait with an {@link IllegalStateException}, the interrupt flag kept.
     */
    public void pace() {
        try {
            acquire(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while paced: the process is stopping", e);
        }
    }

    public Duration interval() {
        return interval;
    }
}
