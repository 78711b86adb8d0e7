package io.sluice.benchmarks;

import io.sluice.benchmarks.model.Parent;
import io.sluice.benchmarks.peers.SpringParent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.BenchmarkParams;

/** Scenario 4: get one parent by primary key (latency of one call), walking through the seeded keys. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GetBenchmark extends ArmsState {

    private long first;
    private long next;

    /**
     * Opens the fixture and seeds the tables.
     *
     * @param params the running benchmark
     */
    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        Fixture opened = open(params, false);
        opened.seedParents(Fixture.PARENTS, Fixture.CHILDREN_PER_PARENT);
        first = opened.firstParentId();
    }

    private long nextId() {
        next = next == Fixture.PARENTS - 1 ? 0 : next + 1;
        return first + next;
    }

    @Benchmark
    public Parent raw() {
        return raw.get(nextId()).block();
    }

    @Benchmark
    public Parent sluice() {
        return sluice.get(nextId()).block();
    }

    @Benchmark
    public SpringParent spring() {
        return spring.get(nextId()).block();
    }

    @Benchmark
    public Parent jooq() {
        return jooq.get(nextId()).block();
    }
}
