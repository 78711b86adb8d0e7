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
 * Scenario 5: N parents with their 10 children each, loaded lazily one parent after the other, by selectinLoad, and by
 * joinedLoad. The raw arms are N+1 SELECTs, SELECT plus {@code IN} per 500 keys, and one LEFT OUTER JOIN. Spring Data R2DBC and
 * jOOQ have no relationship loading, so they have no arm here.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RelationsBenchmark extends ArmsState {

    /** Parents per operation. */
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
    public void rawNPlusOne(Blackhole blackhole) {
        drain(raw.nPlusOne(n).map(loaded -> loaded.children().size()), blackhole);
    }

    @Benchmark
    public void rawSelectin(Blackhole blackhole) {
        drain(raw.selectin(n).map(loaded -> loaded.children().size()), blackhole);
    }

    @Benchmark
    public void rawJoined(Blackhole blackhole) {
        drain(raw.joined(n).map(loaded -> loaded.children().size()), blackhole);
    }

    @Benchmark
    public void sluiceLazy(Blackhole blackhole) {
        drain(sluice.lazy(n).map(parent -> parent.getChildren().size()), blackhole);
    }

    @Benchmark
    public void sluiceSelectin(Blackhole blackhole) {
        drain(sluice.selectin(n).map(parent -> parent.getChildren().size()), blackhole);
    }

    @Benchmark
    public void sluiceJoined(Blackhole blackhole) {
        drain(sluice.joined(n).map(parent -> parent.getChildren().size()), blackhole);
    }
}
