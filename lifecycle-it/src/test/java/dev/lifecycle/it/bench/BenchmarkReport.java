package dev.lifecycle.it.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and writes what they measured: {@code ./mvnw -Pbench} (docs/performance.md). The report goes
 * to the console and to {@code lifecycle-it/target/benchmarks/report.md}, JMH's own JSON beside it. The system
 * property {@code lifecycle.bench.suites} picks suites ({@code cpu}, {@code e2e}; both by default).
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks").toAbsolutePath();
        Files.createDirectories(out);
        List<String> suites = List.of(System.getProperty("lifecycle.bench.suites", "cpu,e2e").split(","));
        StringBuilder report = new StringBuilder("# Benchmark report\n\n");
        if (suites.contains("cpu")) {
            Options options = new OptionsBuilder()
                    .include(ProcessorCpuBenchmark.class.getSimpleName())
                    .addProfiler(GCProfiler.class)
                    .resultFormat(org.openjdk.jmh.results.format.ResultFormatType.JSON)
                    .result(out.resolve("jmh-cpu.json").toString())
                    .build();
            String cpu = cpuReport(new Runner(options).run());
            System.out.println(cpu);
            report.append(cpu).append('\n');
        }
        if (suites.contains("e2e")) {
            report.append(EndToEndBenchmark.run(out, 5, 4, 500, 2_000)).append('\n');
        }
        Files.writeString(out.resolve("report.md"), report);
        System.out.println("[bench] report written to " + out.resolve("report.md"));
    }

    static String cpuReport(Collection<RunResult> results) {
        List<String> rows = new ArrayList<>();
        for (RunResult run : results) {
            int itemBytes = Integer.parseInt(run.getParams().getParam("itemBytes"));
            String batch = run.getParams().getParam("batch");
            String layout = run.getParams().getParam("layout");
            String benchmarkName = run.getParams().getBenchmark();
            if (benchmarkName.endsWith("treeFloor") && !"PER_ITEM".equals(layout)) {
                continue; // the floor does not depend on the layout: one row is enough
            }
            byte[] event = StreamEvents.forBenchmark(batch, itemBytes);
            int records = StreamEvents.recordCount(event);
            Result<?> primary = run.getPrimaryResult();
            double millis = primary.getScore();
            double error = primary.getScoreError();
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            double bytesPerOp = alloc == null ? Double.NaN : alloc.getScore();
            String benchmark = run.getParams().getBenchmark();
            String name = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s KB | %s | %,d | %.2f MB | %.2f ± %.2f | %.0f | %,.0f | %,.0f |",
                    name, name.equals("treeFloor") ? "-" : layout, itemBytes / 1024, batch, records,
                    event.length / 1_048_576.0, millis, Double.isNaN(error) ? 0 : error,
                    (event.length / 1_048_576.0) / (millis / 1000), records / (millis / 1000), bytesPerOp / records));
        }
        StringBuilder text = new StringBuilder();
        text.append("## Stream processor CPU path (S3 excluded), one thread\n\n");
        text.append("Measured ").append(Instant.now()).append(" on ").append(Runtime.getRuntime().availableProcessors())
                .append(" available processors (the forks run with -XX:ActiveProcessorCount=1), ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.arch")).append(".\n\n");
        text.append("| benchmark | layout | item | batch | records | event | ms per batch | MB/s | records/s | bytes allocated per record |\n");
        text.append("|---|---|---|---|---|---|---|---|---|---|\n");
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("\n`processor`: the deployed handler (decode, decide, build and serialize each archive entry with its"
                + " metadata and SHA-256, ledger tally, answer); BATCHED also compresses each (day, cause) partition into gzip blocks and writes its index. `treeFloor`: parse the event into a Jackson tree, write it"
                + " back out, SHA-256 it.\n");
        return text.toString();
    }
}
