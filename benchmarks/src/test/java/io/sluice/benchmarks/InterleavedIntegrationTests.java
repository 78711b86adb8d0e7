package io.sluice.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sluice.testing.DatabaseTest;
import io.sluice.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interleaved runner on small tables: every pair is measured (never a timing assertion, only that both arms ran and the
 * statistics are consistent), the writes leave the tables empty, and the CSV it writes is what the report reads.
 */
final class InterleavedIntegrationTests {

    private static final int PARENTS = 30;

    @DatabaseTest
    void shouldMeasureEveryPairAndLeaveTheTablesEmpty(TestDatabase database, @TempDir Path directory)
            throws IOException {
        database.engine(); // skips (or, under CI, fails) when the server is not reachable
        Fixture fixture = Fixture.create(BenchDatabase.valueOf(database.name()), null, false);
        try {
            fixture.recreate();
            fixture.seedParents(PARENTS, 3);
            fixture.seedCustomers(PARENTS);

            List<Interleaved.Outcome> outcomes =
                    Interleaved.run(fixture, PARENTS, 3, Duration.ofMillis(1), 1, List.of(20), Pattern.compile(".*"));

            assertThat(outcomes)
                    .extracting(Interleaved.Outcome::sluice)
                    .containsExactly(
                            "QueryBenchmark.sluiceEntities",
                            "QueryBenchmark.sluiceEntitiesReadOnly",
                            "QueryBenchmark.sluiceTuples",
                            "RelationsBenchmark.sluiceSelectin",
                            "RelationsBenchmark.sluiceLazy",
                            "RelationsBenchmark.sluiceJoined",
                            "TypedQueryBenchmark.sluice",
                            "TypedQueryBenchmark.sluiceReadOnly",
                            "GetBenchmark.sluice",
                            "UpdateBenchmark.sluice",
                            "InsertBenchmark.sluice",
                            "TypedInsertBenchmark.sluice");
            assertThat(outcomes)
                    .extracting(Interleaved.Outcome::limit)
                    .containsExactly(
                            "QueryBenchmark.rawEntities",
                            "QueryBenchmark.rawEntities",
                            "QueryBenchmark.rawTuples",
                            "RelationsBenchmark.rawSelectin",
                            "RelationsBenchmark.rawSelectin",
                            "RelationsBenchmark.rawJoined",
                            "TypedQueryBenchmark.raw",
                            "TypedQueryBenchmark.raw",
                            "GetBenchmark.raw",
                            "UpdateBenchmark.rawRows",
                            "InsertBenchmark.rawValues",
                            "TypedInsertBenchmark.raw");
            assertThat(outcomes)
                    .extracting(Interleaved.Outcome::n)
                    .containsExactly(20, 20, 20, 20, 20, 20, 20, 20, 1, 20, 20, 20);
            for (Interleaved.Outcome outcome : outcomes) {
                assertThat(outcome.rounds()).isEqualTo(3);
                assertThat(outcome.sluiceMicros()).isPositive();
                assertThat(outcome.limitMicros()).isPositive();
                assertThat(outcome.ratio()).isBetween(outcome.lowerQuartile(), outcome.upperQuartile());
            }
            assertThat(fixture.count("bench_parent")).isZero();
            assertThat(fixture.count("bench_child")).isZero();
            assertThat(fixture.count("bench_customer")).isZero();

            Path csv = directory.resolve("out.csv");
            Interleaved.write(outcomes, csv);
            List<String> lines = Files.readAllLines(csv);
            assertThat(lines).hasSize(1 + outcomes.size());
            assertThat(lines.get(0))
                    .isEqualTo("sluice,limit,n,rounds,sluice_us_per_op,limit_us_per_op,ratio_median,ratio_q1,ratio_q3");
            assertThat(lines.get(9)).startsWith("GetBenchmark.sluice,GetBenchmark.raw,1,3,");

            // Some pairs only, at more than one N, the tables seeded again.
            fixture.seedParents(PARENTS, 3);
            fixture.seedCustomers(PARENTS);
            assertThat(Interleaved.run(
                            fixture,
                            PARENTS,
                            2,
                            Duration.ofMillis(1),
                            0,
                            List.of(10, 20),
                            Pattern.compile("Typed.*|QueryBenchmark.sluiceEntities")))
                    .extracting(outcome -> outcome.sluice() + "@" + outcome.n())
                    .containsExactly(
                            "QueryBenchmark.sluiceEntities@10",
                            "TypedQueryBenchmark.sluice@10",
                            "TypedQueryBenchmark.sluiceReadOnly@10",
                            "QueryBenchmark.sluiceEntities@20",
                            "TypedQueryBenchmark.sluice@20",
                            "TypedQueryBenchmark.sluiceReadOnly@20",
                            "TypedInsertBenchmark.sluice@10",
                            "TypedInsertBenchmark.sluice@20");
        } finally {
            fixture.drop();
            fixture.close();
        }
    }

    @Test
    void shouldInterpolateQuantilesBetweenRanks() {
        double[] values = {4, 1, 3, 2};

        assertThat(Interleaved.quantile(values, 0.5)).isCloseTo(2.5, within(1e-9));
        assertThat(Interleaved.quantile(values, 0.25)).isCloseTo(1.75, within(1e-9));
        assertThat(Interleaved.quantile(values, 0.75)).isCloseTo(3.25, within(1e-9));
        assertThat(Interleaved.quantile(new double[] {7}, 0.25)).isEqualTo(7);
        assertThat(values).containsExactly(4, 1, 3, 2);
    }
}
