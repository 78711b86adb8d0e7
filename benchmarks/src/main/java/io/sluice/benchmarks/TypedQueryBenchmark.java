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

/**
 * Scenario 7, read: a query of N customers mapped to entities with a converted column, an embedded value of three columns and
 * a JSON column; the raw arm reads the same columns by index and makes the same objects (Jackson included).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TypedQueryBenchmark extends ArmsState {

    /** Rows per operation. */
    @Param({"100", "10000"})
    public int n;

    /**
     * Opens the fixture and seeds the customer table.
     *
     * @param params the running benchmark
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        open(params, false).seedCustomers(Fixture.PARENTS);
    }

    @Benchmark
    public void raw(Blackhole blackhole) {
        drain(raw.customers(n), blackhole);
    }

    @Benchmark
    public void sluice(Blackhole blackhole) {
        drain(sluice.customers(n), blackhole);
    }

    @Benchmark
    public void sluiceReadOnly(Blackhole blackhole) {
        drain(sluice.customersReadOnly(n), blackhole);
    }
}
