package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RESULTS.md from a JMH CSV and an interleaved CSV: the ratios of both, and targets judged on the interleaved one. */
final class ReportTests {

    private static final String HEADER =
            "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\","
                    + "\"Unit\",\"Param: database\",\"Param: n\"";

    private static String jmh(String benchmark, String n, double score, double error) {
        return "\"io.sluice.benchmarks." + benchmark + "\",\"avgt\",1,8," + score + "," + error + ",\"us/op\",H2," + n;
    }

    @Test
    void shouldJudgeTargetsOnTheInterleavedRatioAndShowBoth(@TempDir Path directory) throws IOException {
        Files.write(
                directory.resolve("H2.csv"),
                List.of(
                        HEADER,
                        jmh("QueryBenchmark.rawEntities", "100", 100, 10),
                        jmh("QueryBenchmark.sluiceEntities", "100", 160, 20),
                        jmh("QueryBenchmark.rawTuples", "100", 100, 10),
                        jmh("QueryBenchmark.sluiceTuples", "100", 120, 20),
                        jmh("GetBenchmark.raw", "", 20, 2),
                        jmh("GetBenchmark.sluice", "", 30, 3)));
        Interleaved.write(
                List.of(
                        new Interleaved.Outcome(
                                "QueryBenchmark.sluiceEntities",
                                "QueryBenchmark.rawEntities",
                                100,
                                10,
                                130,
                                100,
                                1.3,
                                1.25,
                                1.38),
                        new Interleaved.Outcome(
                                "GetBenchmark.sluice", "GetBenchmark.raw", 1, 10, 24, 20, 1.2, 1.1, 1.3)),
                directory.resolve("H2-interleaved.csv"));
        Path notes = directory.resolve("notes.md");
        Files.writeString(notes, "## Findings\n\nby hand\n");
        Path output = directory.resolve("RESULTS.md");

        Report.main(new String[] {directory.toString(), notes.toString(), output.toString()});

        String report = Files.readString(output);
        assertThat(report)
                .contains("| 3 query → entities | 100 | raw 1.00 ± 0.100 | **1.60 ± 0.200** |")
                .contains("| 1.60× | 1.30× (1.25–1.38) |")
                .contains("| 1.20× | – |")
                .contains("| 4 get by key | 1 | raw 20.0 ± 2.00 | **30.0 ± 3.00** |")
                .contains("| 1.50× | 1.20× (1.10–1.30) |")
                .contains("- met: 3 query → entities, N = 100: Sluice / raw 1.30× (1.25–1.38) interleaved,"
                        + " 1.60× in JMH's separate forks (target ≤ 1.5×)")
                .contains("- met: 3 query → tuples, N = 100: Sluice / raw 1.20× (target ≤ 1.5×)")
                .contains("## POSTGRESQL\n\nNot run.")
                .endsWith("## Findings\n\nby hand\n");
    }
}
