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
 * Scenario 7, write: a unit of work inserting N new customers with a converted column, an embedded value and a JSON column,
 * flushed and committed; the raw arm binds the same values (the JSON written by Jackson) in multi-row VALUES chunked as Sluice
 * chunks them. The table is emptied before each iteration.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TypedInsertBenchmark extends ArmsState {

    /** Customers per operation. */
    @Param({"100", "10000"})
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

    /** Empties the customer table. */
    @Setup(Level.Iteration)
    public void empty() {
        fixture.emptyCustomers();
    }

    @Benchmark
    public Long raw() {
        return raw.insertCustomers(n).block();
    }

    @Benchmark
    public Integer sluice() {
        return sluice.insertCustomers(n).block();
    }
}
