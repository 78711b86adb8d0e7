package io.sluice.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Scenario 6: one million rows streamed through a mapped entity, one shot per iteration. H2 runs with
 * {@code LAZY_QUERY_EXECUTION=TRUE} so that it streams too. Sluice's arm uses {@code query.all()}: {@code Query.stream()}, which
 * streams detached entities, is not on this branch yet, and {@code all()} keeps every entity in the session until it ends, so
 * the forks get a 1 GiB heap instead of the 64 MiB a bounded stream needs.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = {"-Xmx1g"})
public class StreamBenchmark extends ArmsState {

    /**
     * Opens the fixture and seeds the streaming table.
     *
     * @param params the running benchmark
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params, true).seedItems(Fixture.ITEMS);
    }

    @Benchmark
    public void raw(Blackhole blackhole) {
        drain(raw.stream(), blackhole);
    }

    @Benchmark
    public void sluice(Blackhole blackhole) {
        drain(sluice.stream(), blackhole);
    }

    @Benchmark
    public void spring(Blackhole blackhole) {
        drain(spring.stream(), blackhole);
    }

    @Benchmark
    public void jooq(Blackhole blackhole) {
        drain(jooq.stream(), blackhole);
    }
}
