package io.sluice.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/** Scenario 2: load N parents, change one column of each, commit. The raw arms send the updates as one {@code add()} batch,
 * and as multi-row UPDATEs (PostgreSQL and MariaDB; on H2 the second arm is the first). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UpdateBenchmark extends ArmsState {

    /** Parents per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    /**
     * Opens the fixture and seeds the tables.
     *
     * @param params the running benchmark
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params, false).seedParents(Fixture.PARENTS, Fixture.CHILDREN_PER_PARENT);
    }

    @Benchmark
    public Long raw() {
        return raw.update(n).block();
    }

    @Benchmark
    public Long rawRows() {
        return raw.updateRows(n).block();
    }

    @Benchmark
    public Integer sluice() {
        return sluice.update(n).block();
    }

    @Benchmark
    public Long spring() {
        return spring.update(n).block();
    }

    @Benchmark
    public Long jooq() {
        return jooq.update(n).block();
    }
}
