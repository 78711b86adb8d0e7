package io.sluice.benchmarks.hibernate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Scenario 2 with Hibernate Reactive: load N parents, change one column of each, commit. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HrUpdateBenchmark extends HrState {

    /** Parents per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    /** Builds the session factory and seeds the tables. */
    @Setup(Level.Trial)
    public void setUp() {
        open().seed();
    }

    @Benchmark
    public Integer update() {
        return HibernateArms.run(hibernate.update(n));
    }
}
