package io.sluice.benchmarks.hibernate;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/** Scenario 4 with Hibernate Reactive: find one parent by key, walking through the seeded keys. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HrGetBenchmark extends HrState {

    private long first;
    private long next;

    /** Builds the session factory and seeds the tables. */
    @Setup(Level.Trial)
    public void setUp() {
        HibernateArms arms = open();
        arms.seed();
        first = arms.firstParentId();
    }

    @Benchmark
    public HrParent get() {
        next = next == HibernateArms.PARENTS - 1 ? 0 : next + 1;
        return HibernateArms.run(hibernate.get(first + next));
    }
}
