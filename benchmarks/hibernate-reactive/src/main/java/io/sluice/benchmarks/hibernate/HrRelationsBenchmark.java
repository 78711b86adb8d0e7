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

/** Scenario 5 with Hibernate Reactive: N parents with their children, lazily one by one (N+1) and by join fetch. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HrRelationsBenchmark extends HrState {

    /** Parents per operation. */
    @Param({"1", "100", "10000"})
    public int n;

    private long first;

    /** Builds the session factory and seeds the tables. */
    @Setup(Level.Trial)
    public void setUp() {
        HibernateArms arms = open();
        arms.seed();
        first = arms.firstParentId();
    }

    @Benchmark
    public Integer lazy() {
        return HibernateArms.run(hibernate.lazy(n));
    }

    @Benchmark
    public List<Integer> joined() {
        return HibernateArms.childCounts(HibernateArms.run(hibernate.joined(first, n)));
    }
}
