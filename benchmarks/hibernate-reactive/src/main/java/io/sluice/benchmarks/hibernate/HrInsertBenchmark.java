package io.sluice.benchmarks.hibernate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Scenario 1 with Hibernate Reactive: persist N parents with 2 children each, commit. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HrInsertBenchmark extends HrState {

    /** Parents per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    /** Builds the session factory and creates the tables. */
    @Setup(Level.Trial)
    public void setUp() {
        open().createIfMissing();
    }

    /** Empties the tables. */
    @Setup(Level.Iteration)
    public void empty() {
        hibernate.empty();
    }

    @Benchmark
    public Integer insert() {
        return HibernateArms.run(hibernate.insert(n));
    }
}
