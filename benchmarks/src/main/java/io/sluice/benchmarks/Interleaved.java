package io.sluice.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Measures each scenario's Sluice arm against its raw R2DBC arm in one JVM, the two taking turns in short slices of time
 * (raw then Sluice in one round, Sluice then raw in the next), so that both arms meet the same state of the machine. The JMH
 * run gives each arm forks of its own, minutes apart, and on a shared 2-core machine the ratio of two such forks moved by
 * 20–40 % between runs of the same code; the ratio of two arms measured side by side, round after round, does not drift
 * with the machine.
 *
 * <p>Each round times one slice of each arm: as many operations as fit in the slice (at least one), after a full
 * collection so that neither arm pays for the other's garbage. The first rounds warm up and are dropped; of the others the
 * report gives, per scenario and N, the median time per operation of each arm and the median, first and third quartile of
 * the rounds' Sluice / raw ratios. Writes operate on emptied tables (emptied before each slice, outside the timing).
 *
 * <p>Usage: {@code Interleaved <database> <output csv> [rounds] [slice ms] [warm-up rounds] [pairs] [sizes]}: {@code pairs} is
 * a regular expression that the Sluice arm's benchmark must match ({@code "TypedQuery.*|QueryBenchmark.sluiceEntities"};
 * all pairs by default), {@code sizes} the values of N separated by commas ({@code 100,10000} by default).
 */
public final class Interleaved {

    /** One arm: the JMH benchmark it stands for, and an operation of N rows. */
    private record Arm(String benchmark, IntFunction<Publisher<?>> operation) {}

    /**
     * A scenario at one N: Sluice's arm and the raw arm it is held against, and for a write what empties its tables before
     * each slice ({@code null} for a read).
     */
    private record Pair(
            int n, Arm sluice, Arm limit, @Nullable Runnable empty) {}

    /** The result of one pair. */
    record Outcome(
            String sluice,
            String limit,
            int n,
            int rounds,
            double sluiceMicros,
            double limitMicros,
            double ratio,
            double lowerQuartile,
            double upperQuartile) {}

    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static long sink;

    private Interleaved() {}

    /**
     * Runs every pair on one database and writes their outcomes as CSV.
     *
     * @param args the database, the output file, and optionally the rounds, the slice in milliseconds and the warm-up rounds
     * @throws IOException if the output cannot be written
     */
    public static void main(String[] args) throws IOException {
        BenchDatabase database = BenchDatabase.valueOf(args[0]);
        Path output = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        long sliceMillis = args.length > 3 ? Long.parseLong(args[3]) : 500;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        Pattern selected = Pattern.compile(args.length > 5 ? args[5] : ".*");
        List<Integer> sizes = args.length > 6
                ? Arrays.stream(args[6].split(",")).map(Integer::valueOf).toList()
                : List.of(100, 10_000);
        List<Outcome> outcomes;
        Fixture fixture = Fixture.create(database, null, false);
        try {
            fixture.seedParents(Fixture.PARENTS, Fixture.CHILDREN_PER_PARENT);
            fixture.seedCustomers(Fixture.PARENTS);
            outcomes = run(fixture, Fixture.PARENTS, rounds, Duration.ofMillis(sliceMillis), warmUp, sizes, selected);
        } finally {
            fixture.close();
        }
        write(outcomes, output);
        System.exit(0);
    }

    /**
     * Runs every pair on a fixture: reads first on the seeded tables, then the updates, then the inserts, which leave the
     * tables empty.
     *
     * @param fixture the fixture, its tables seeded with {@code parents} parents (keys consecutive) and at least as many
     *     customers as the largest N
     * @param parents the number of parents, over which get by key goes round
     * @param rounds the measured rounds
     * @param slice the time of one arm's slice
     * @param warmUp the rounds run first and dropped
     * @param sizes the values of N (get by key runs with N = 1 only)
     * @param selected the pairs to run: those whose Sluice arm's benchmark matches
     * @return the outcomes, in the order run
     */
    static List<Outcome> run(
            Fixture fixture,
            int parents,
            int rounds,
            Duration slice,
            int warmUp,
            List<Integer> sizes,
            Pattern selected) {
        RawArms raw = new RawArms(fixture);
        SluiceArms sluice = new SluiceArms(fixture);
        long first = fixture.firstParentId();
        long[] next = {0};
        IntFunction<Long> nextId = ignored -> {
            next[0] = next[0] == parents - 1 ? 0 : next[0] + 1;
            return first + next[0];
        };
        // Each pair: Sluice's arm, then the raw arm it is held against. Reads run first, on the seeded tables.
        List<Arm[]> reads = List.of(
                arms("QueryBenchmark.sluiceEntities", sluice::entities, "QueryBenchmark.rawEntities", raw::entities),
                arms(
                        "QueryBenchmark.sluiceEntitiesReadOnly",
                        sluice::entitiesReadOnly,
                        "QueryBenchmark.rawEntities",
                        raw::entities),
                arms("QueryBenchmark.sluiceTuples", sluice::tuples, "QueryBenchmark.rawTuples", raw::tuples),
                arms(
                        "RelationsBenchmark.sluiceSelectin",
                        sluice::selectin,
                        "RelationsBenchmark.rawSelectin",
                        raw::selectin),
                arms("RelationsBenchmark.sluiceLazy", sluice::lazy, "RelationsBenchmark.rawSelectin", raw::selectin),
                arms("RelationsBenchmark.sluiceJoined", sluice::joined, "RelationsBenchmark.rawJoined", raw::joined),
                arms("TypedQueryBenchmark.sluice", sluice::customers, "TypedQueryBenchmark.raw", raw::customers),
                arms(
                        "TypedQueryBenchmark.sluiceReadOnly",
                        sluice::customersReadOnly,
                        "TypedQueryBenchmark.raw",
                        raw::customers));
        Arm[] get = arms(
                "GetBenchmark.sluice",
                n -> sluice.get(nextId.apply(n)),
                "GetBenchmark.raw",
                n -> raw.get(nextId.apply(n)));
        Arm[] update = arms("UpdateBenchmark.sluice", sluice::update, "UpdateBenchmark.rawRows", raw::updateRows);
        Arm[] insert = arms("InsertBenchmark.sluice", sluice::insert, "InsertBenchmark.rawValues", raw::insertValues);
        Arm[] typedInsert = arms(
                "TypedInsertBenchmark.sluice",
                sluice::insertCustomers,
                "TypedInsertBenchmark.raw",
                raw::insertCustomers);
        List<Pair> pairs = new ArrayList<>();
        for (int n : sizes) {
            for (Arm[] read : reads) {
                pairs.add(new Pair(n, read[0], read[1], null));
            }
        }
        pairs.add(new Pair(1, get[0], get[1], null));
        for (int n : sizes) {
            pairs.add(new Pair(n, update[0], update[1], null));
        }
        for (int n : sizes) {
            pairs.add(new Pair(n, insert[0], insert[1], fixture::emptyParents));
        }
        for (int n : sizes) {
            pairs.add(new Pair(n, typedInsert[0], typedInsert[1], fixture::emptyCustomers));
        }
        pairs.removeIf(pair -> !selected.matcher(pair.sluice().benchmark()).matches());
        List<Outcome> outcomes = new ArrayList<>();
        for (Pair pair : pairs) {
            Outcome outcome = measure(pair, rounds, slice, warmUp);
            System.out.printf(
                    Locale.ROOT,
                    "%-40s n=%-6d %s %.2f us/op, %s %.2f us/op, Sluice / raw %.3f (quartiles %.3f-%.3f)%n",
                    pair.sluice().benchmark(),
                    pair.n(),
                    pair.limit().benchmark(),
                    outcome.limitMicros(),
                    pair.sluice().benchmark(),
                    outcome.sluiceMicros(),
                    outcome.ratio(),
                    outcome.lowerQuartile(),
                    outcome.upperQuartile());
            outcomes.add(outcome);
        }
        return outcomes;
    }

    private static Arm[] arms(
            String sluice,
            IntFunction<Publisher<?>> sluiceOperation,
            String limit,
            IntFunction<Publisher<?>> limitOperation) {
        return new Arm[] {new Arm(sluice, sluiceOperation), new Arm(limit, limitOperation)};
    }

    private static Outcome measure(Pair pair, int rounds, Duration slice, int warmUp) {
        double[] sluiceTimes = new double[rounds];
        double[] limitTimes = new double[rounds];
        double[] ratios = new double[rounds];
        for (int round = 0; round < warmUp + rounds; round++) {
            boolean sluiceFirst = (round & 1) == 1;
            double firstTime = slice(sluiceFirst ? pair.sluice() : pair.limit(), pair, slice);
            double secondTime = slice(sluiceFirst ? pair.limit() : pair.sluice(), pair, slice);
            if (round >= warmUp) {
                int index = round - warmUp;
                sluiceTimes[index] = sluiceFirst ? firstTime : secondTime;
                limitTimes[index] = sluiceFirst ? secondTime : firstTime;
                ratios[index] = sluiceTimes[index] / limitTimes[index];
            }
        }
        Runnable empty = pair.empty();
        if (empty != null) {
            empty.run();
        }
        return new Outcome(
                pair.sluice().benchmark(),
                pair.limit().benchmark(),
                pair.n(),
                rounds,
                quantile(sluiceTimes, 0.5),
                quantile(limitTimes, 0.5),
                quantile(ratios, 0.5),
                quantile(ratios, 0.25),
                quantile(ratios, 0.75));
    }

    /** Times one slice of an arm and returns its time per operation in µs. */
    @SuppressWarnings("CallToSystemGC")
    private static double slice(Arm arm, Pair pair, Duration slice) {
        Runnable empty = pair.empty();
        if (empty != null) {
            empty.run();
        }
        System.gc();
        long start = System.nanoTime();
        long end = start + slice.toNanos();
        long operations = 0;
        long now;
        do {
            Long count = Flux.from(arm.operation().apply(pair.n())).count().block(TIMEOUT);
            sink += count == null ? 0 : count;
            operations++;
            now = System.nanoTime();
        } while (now < end);
        return (now - start) / 1_000.0 / operations;
    }

    /** Returns a quantile of values, interpolating between the two nearest ranks. */
    static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = (int) Math.ceil(position);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }

    /**
     * Writes outcomes as CSV, a header line first.
     *
     * @param outcomes the outcomes
     * @param output the file
     * @throws IOException if it cannot be written
     */
    static void write(List<Outcome> outcomes, Path output) throws IOException {
        StringBuilder csv = new StringBuilder(
                "sluice,limit,n,rounds,sluice_us_per_op,limit_us_per_op,ratio_median,ratio_q1,ratio_q3\n");
        for (Outcome outcome : outcomes) {
            csv.append(String.format(
                    Locale.ROOT,
                    "%s,%s,%d,%d,%.4f,%.4f,%.4f,%.4f,%.4f%n",
                    outcome.sluice(),
                    outcome.limit(),
                    outcome.n(),
                    outcome.rounds(),
                    outcome.sluiceMicros(),
                    outcome.limitMicros(),
                    outcome.ratio(),
                    outcome.lowerQuartile(),
                    outcome.upperQuartile()));
        }
        Files.writeString(output, csv.toString(), StandardCharsets.UTF_8);
    }
}
