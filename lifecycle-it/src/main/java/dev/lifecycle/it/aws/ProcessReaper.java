package dev.lifecycle.it.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Stops child processes (emulators, the function, the admin API) and deletes their scratch folders:
 * one at a time when their owner closes, and all that are left from a JVM shutdown hook (end of the
 * test run, Ctrl-C), so that no child outlives the JVM that started it. {@link EmulatorMain} covers
 * the case no hook can for the emulators: a kill -9.
 */
public final class ProcessReaper {

    public static final Duration GRACE = Duration.ofSeconds(10);

    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SCRATCH = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reapAll, "lifecycle-emulator-reaper"));
    }

    private ProcessReaper() {
    }

    public static void register(Process process) {
        LIVE.add(process);
    }

    public static void registerScratch(Path folder) {
        SCRATCH.add(folder);
    }

    /** Asks the process (and anything it started) to stop, waits up to {@code grace}, then kills it. */
    public static void stop(Process process, Duration grace) {
        try {
            List<ProcessHandle> descendants = process.descendants().toList();
            process.destroy();
            descendants.forEach(ProcessHandle::destroy);
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } finally {
            LIVE.remove(process);
        }
    }

    public static void deleteScratch(Path folder) {
        deleteRecursively(folder);
        SCRATCH.remove(folder);
    }

    private static void reapAll() {
        List<Process> left = new ArrayList<>(LIVE);
        left.forEach(Process::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Process process : left) {
            try {
                long remaining = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(remaining, TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        new ArrayList<>(SCRATCH).forEach(ProcessReaper::deleteRecursively);
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a scratch folder left in the temp directory is harmless; a failing shutdown is not
        }
    }
}
