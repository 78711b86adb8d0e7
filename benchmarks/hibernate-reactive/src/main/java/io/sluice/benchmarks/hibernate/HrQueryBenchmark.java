package io.sluice.benchmarks.hibernate;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/** Scenario 3 with Hibernate Reactive: N rows as entities, and as tuples of two columns. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HrQueryBenchmark extends HrState {

    /** Rows per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    /** Builds the session factory and seeds the tables. */
    @Setup(Level.Trial)
    public void setUp() {
        open().seed();
    }

    @Benchmark
    public List<HrParent> entities() {
        return HibernateArms.run(hibernate.entities(n));
    }

    @Benchmark
    public List<HrParent> entitiesReadOnly() {
        return HibernateArms.run(hibernate.entitiesReadOnly(n));
    }

    @Benchmark
    public List<Object[]> tuples() {
        return HibernateArms.run(hibernate.tuples(n));
    }
}
