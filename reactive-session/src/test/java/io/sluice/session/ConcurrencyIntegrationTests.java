package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.Table;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Pools;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * Hundreds of sessions at once over a pool of ten connections, each reading, inserting, updating a versioned counter and deleting
 * its own rows: optimistic locking must turn every lost race into a {@link StaleObjectException} and a rollback, the committed
 * work must add up exactly, and every connection must come back.
 */
final class ConcurrencyIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Counter.class, Ticket.class);
    static final int SESSIONS = 200;
    static final int COUNTERS = 4;
    static final int POOL_SIZE = 10;

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, MAPPING.metadata());
    }

    /**
     * The first session of each counter is a laggard: it reads its counter, and the other sessions of that counter start only
     * then; it increments only after one of them has committed an increment, so at least {@link #COUNTERS} conflicts happen
     * whatever the timing. The other sessions race freely.
     */
    @DatabaseTest
    void shouldKeepEveryInvariantWhenManySessionsRaceOnVersionedRows(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        Engine pooled = database.newEngine(builder -> builder.maxSize(POOL_SIZE));
        opened.add(pooled);
        SessionFactory sessions = SessionFactory.of(pooled, MAPPING);
        sessions.inTransaction(session -> {
                    for (int id = 1; id <= COUNTERS; id++) {
                        session.add(new Counter(id));
                    }
                    return Mono.empty();
                })
                .blockLast(Duration.ofSeconds(30));

        Race race = new Race();
        Set<Integer> committed = ConcurrentHashMap.newKeySet();
        Map<Integer, Throwable> failed = new ConcurrentHashMap<>();
        Flux.range(0, SESSIONS)
                .flatMap(
                        number -> race.start(number)
                                .then(work(sessions, number, race))
                                .doOnSuccess(ignored -> {
                                    committed.add(number);
                                    race.committed(number);
                                })
                                .onErrorResume(error -> {
                                    failed.put(number, error);
                                    return Mono.empty();
                                }),
                        SESSIONS)
                .then()
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(90));

        assertThat(committed.size() + failed.size()).isEqualTo(SESSIONS);
        assertThat(failed.values())
                .as("every failure is a lost optimistic-locking race")
                .allSatisfy(error -> assertThat(error).isInstanceOf(StaleObjectException.class));
        assertThat(failed.keySet()).as("the laggards lost").containsAll(race.laggards());
        assertThat(committed).as("some session of each counter won").hasSizeGreaterThanOrEqualTo(COUNTERS);

        Table counters = MAPPING.entity(Counter.class).table();
        Map<Integer, List<Long>> stored = new TreeMap<>();
        engine.query(SQL.select(counters.column("id"), counters.column("hits"), counters.column("version"))
                        .from(counters))
                .doOnNext(row ->
                        stored.put(row.get(0, Integer.class), List.of(row.get(1, Long.class), row.get(2, Long.class))))
                .blockLast(Duration.ofSeconds(10));
        Map<Integer, List<Long>> expected = new TreeMap<>();
        for (int id = 1; id <= COUNTERS; id++) {
            long increments = increments(committed, id);
            expected.put(id, List.of(increments, increments + 1));
        }
        assertThat(stored).as("hits and version of each counter").isEqualTo(expected);

        Table tickets = MAPPING.entity(Ticket.class).table();
        Set<String> labels = new HashSet<>();
        engine.query(SQL.select(tickets.column("label")).from(tickets))
                .doOnNext(row -> labels.add((String) row.get(0)))
                .blockLast(Duration.ofSeconds(10));
        Set<String> expectedLabels = committed.stream()
                .flatMap(number -> Set.of(label(number, "b"), label(number, "c")).stream())
                .collect(Collectors.toSet());
        assertThat(labels)
                .as("the rows of committed sessions, less those they deleted; nothing of rolled-back ones")
                .isEqualTo(expectedLabels);

        Pools.awaitAllIdle(pooled);
        assertThat(pooled.poolMetrics().orElseThrow().acquiredSize()).isZero();
        System.out.printf(
                "%s: %d sessions over %d connections, %d committed, %d rolled back on StaleObjectException%n",
                database, SESSIONS, POOL_SIZE, committed.size(), failed.size());
    }

    /** One session's work: read the counters, insert three tickets, increment a counter, delete a ticket, maybe read back. */
    private static Mono<Void> work(SessionFactory sessions, int number, Race race) {
        int counterId = counterOf(number);
        return sessions.inTransaction(session -> session.query(Counter.class)
                        .orderBy(Counter_.id)
                        .all()
                        .collectList()
                        .flatMap(all -> {
                            race.read(number);
                            Counter counter = all.get(counterId - 1);
                            List<Ticket> tickets = List.of(
                                    new Ticket(number, label(number, "a")),
                                    new Ticket(number, label(number, "b")),
                                    new Ticket(number, label(number, "c")));
                            session.addAll(tickets);
                            return session.flush()
                                    .then(race.mayIncrement(number))
                                    .then(Mono.fromRunnable(() -> {
                                        counter.increment();
                                        session.delete(tickets.get(0));
                                    }))
                                    .then(readBack(session, number));
                        }))
                .then();
    }

    /**
     * Even sessions read their tickets back, which autoflushes the increment and the delete inside the work; odd sessions leave
     * them to the flush of the commit, so that conflicts surface from both places.
     */
    private static Mono<Void> readBack(Session session, int number) {
        if (number % 2 == 1) {
            return Mono.empty();
        }
        return session.query(Ticket.class)
                .filterBy(Ticket_.owner, number)
                .count()
                .flatMap(count -> count == 2
                        ? Mono.empty()
                        : Mono.error(new AssertionError("session " + number + " sees " + count + " of its tickets")));
    }

    private static int counterOf(int number) {
        return number % COUNTERS + 1;
    }

    private static long increments(Set<Integer> committed, int counterId) {
        return committed.stream()
                .filter(number -> counterOf(number) == counterId)
                .count();
    }

    private static String label(int number, String suffix) {
        return "s" + number + "-" + suffix;
    }

    /** The signals that order the laggards against the others, per counter. */
    private static final class Race {

        private final List<Sinks.Empty<Void>> laggardRead = new ArrayList<>();
        private final List<Sinks.Empty<Void>> otherCommitted = new ArrayList<>();

        Race() {
            for (int i = 0; i < COUNTERS; i++) {
                laggardRead.add(Sinks.empty());
                otherCommitted.add(Sinks.empty());
            }
        }

        List<Integer> laggards() {
            List<Integer> numbers = new ArrayList<>();
            for (int number = 0; number < COUNTERS; number++) {
                numbers.add(number);
            }
            return numbers;
        }

        private static boolean isLaggard(int number) {
            return number < COUNTERS;
        }

        /** Completes when the session may begin: at once for a laggard, after its laggard has read for the others. */
        Mono<Void> start(int number) {
            return isLaggard(number)
                    ? Mono.empty()
                    : laggardRead.get(counterOf(number) - 1).asMono();
        }

        void read(int number) {
            if (isLaggard(number)) {
                laggardRead.get(counterOf(number) - 1).tryEmitEmpty();
            }
        }

        /** Completes when the session may increment: at once, or for a laggard once another increment is committed. */
        Mono<Void> mayIncrement(int number) {
            return isLaggard(number) ? otherCommitted.get(counterOf(number) - 1).asMono() : Mono.empty();
        }

        void committed(int number) {
            if (!isLaggard(number)) {
                otherCommitted.get(counterOf(number) - 1).tryEmitEmpty();
            }
        }
    }
}
