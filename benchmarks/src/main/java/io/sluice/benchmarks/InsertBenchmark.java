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

/**
 * Scenario 1: a unit of work inserting N new parents with 2 children each, flushed and committed. Raw arms: one
 * {@code Statement.add()} batch per table, and multi-row VALUES chunked as Sluice chunks them. The tables are emptied before
 * each iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InsertBenchmark extends ArmsState {

    /** Parents per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    /**
     * Opens the fixture and creates the tables.
     *
     * @param params the running benchmark
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params, false).createIfMissing();
    }

    /** Empties the tables. */
    @Setup(Level.Iteration)
    public void empty() {
        fixture.emptyParents();
    }

    @Benchmark
    public Long rawAdd() {
        return raw.insertAdd(n).block();
    }

    @Benchmark
    public Long rawValues() {
        return raw.insertValues(n).block();
    }

    @Benchmark
    public Integer sluice() {
        return sluice.insert(n).block();
    }

    @Benchmark
    public Long spring() {
        return spring.insert(n).block();
    }

    @Benchmark
    public Long jooq() {
        return jooq.insert(n).block();
    }
}
