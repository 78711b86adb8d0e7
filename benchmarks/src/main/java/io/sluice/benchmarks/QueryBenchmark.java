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
import org.openjdk.jmh.infra.Blackhole;

/** Scenario 3: a query of N rows mapped to entities (tracked, and read-only), and the same rows as tuples of two columns. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class QueryBenchmark extends ArmsState {

    /** Rows per operation. */
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
    public void rawEntities(Blackhole blackhole) {
        drain(raw.entities(n), blackhole);
    }

    @Benchmark
    public void sluiceEntities(Blackhole blackhole) {
        drain(sluice.entities(n), blackhole);
    }

    @Benchmark
    public void sluiceEntitiesReadOnly(Blackhole blackhole) {
        drain(sluice.entitiesReadOnly(n), blackhole);
    }

    @Benchmark
    public void springEntities(Blackhole blackhole) {
        drain(spring.entities(n), blackhole);
    }

    @Benchmark
    public void jooqEntities(Blackhole blackhole) {
        drain(jooq.entities(n), blackhole);
    }

    @Benchmark
    public void rawTuples(Blackhole blackhole) {
        drain(raw.tuples(n), blackhole);
    }

    @Benchmark
    public void sluiceTuples(Blackhole blackhole) {
        drain(sluice.tuples(n), blackhole);
    }

    @Benchmark
    public void springTuples(Blackhole blackhole) {
        drain(spring.tuples(n), blackhole);
    }

    @Benchmark
    public void jooqTuples(Blackhole blackhole) {
        drain(jooq.tuples(n), blackhole);
    }
}
