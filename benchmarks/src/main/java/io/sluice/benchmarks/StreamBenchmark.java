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
 * Scenario 6: one million rows streamed through a mapped entity, one shot per iteration: Sluice's {@code Query.stream()}
 * (detached entities, fetch size 250) against raw R2DBC doing the same, and the peers' plain streaming queries. Memory must
 * not grow with the rows: the forks run with {@code -Xmx64m -XX:+UseSerialGC}, except on H2, whose in-memory database holds
 * the million rows in the same heap ({@code run.sh} gives H2's forks 512 MiB). H2 is opened with
 * {@code LAZY_QUERY_EXECUTION=TRUE} so that the peers' queries stream there too.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = {"-Xmx64m", "-XX:+UseSerialGC"})
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
