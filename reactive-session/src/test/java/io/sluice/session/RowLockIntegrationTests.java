package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.core.Engine;
import io.sluice.core.sql.SQL;
import io.sluice.session.mapping.Mapping;
import io.sluice.testing.DatabaseTest;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Row locks from session queries on every database: a job queue whose concurrent workers claim rows with {@code FOR UPDATE
 * SKIP LOCKED} processes each job exactly once, and {@code NOWAIT} fails at once on a locked row.
 */
class RowLockIntegrationTests {

    static final Mapping MAPPING = Mapping.of(Job.class);
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final int JOBS = 200;
    static final int WORKERS = 8;

    private Engine engine;
    private Engine pooled;
    private SessionFactory sessions;

    private void createJobs(TestDatabase on) {
        engine = on.engine();
        Schemas.recreate(engine, MAPPING.metadata());
        pooled = on.newEngine(builder -> builder.maxSize(WORKERS + 2));
        sessions = SessionFactory.of(pooled, MAPPING);
        inSession(session -> {
            IntStream.range(0, JOBS).forEach(i -> session.add(new Job(i)));
            return session.commit().thenReturn(true);
        });
    }

    @AfterEach
    void dropTables() {
        if (pooled != null) {
            pooled.close().block(TIMEOUT);
        }
        if (engine != null) {
            Schemas.drop(engine, MAPPING.metadata());
        }
    }

    private <T> T inSession(Function<Session, Mono<T>> work) {
        return Mono.usingWhen(Mono.fromSupplier(sessions::open), work, Session::close)
                .block(TIMEOUT);
    }

    /** Claims up to five new jobs, marks them done and commits; emits how many it claimed. */
    private Mono<Integer> claim(int worker) {
        return Mono.usingWhen(
                Mono.fromSupplier(sessions::open),
                session -> session.query(Job.class)
                        .filter(Job_.status.eq("new"))
                        .orderBy(Job_.id)
                        .limit(5)
                        .forUpdate()
                        .skipLocked()
                        .all()
                        .collectList()
                        .flatMap(jobs -> {
                            jobs.forEach(job -> job.done(worker));
                            return session.commit().thenReturn(jobs.size());
                        }),
                Session::close);
    }

    /** A worker claims batches until it finds none. */
    private Mono<Integer> work(int worker) {
        return claim(worker)
                .expand(claimed -> claimed == 0 ? Mono.empty() : claim(worker))
                .reduce(0, Integer::sum);
    }

    @DatabaseTest
    void shouldProcessEveryJobExactlyOnceWithConcurrentWorkersSkippingLockedRows(TestDatabase on) {
        createJobs(on);
        List<Integer> perWorker = Flux.range(0, WORKERS)
                .flatMap(this::work, WORKERS)
                .collectList()
                .block(TIMEOUT);
        assertThat(perWorker.stream().mapToInt(Integer::intValue).sum()).isEqualTo(JOBS);

        Map<String, Long> rows = engine.query(
                        SQL.text("SELECT status, attempts, COUNT(*) FROM lock_job GROUP BY status, attempts"))
                .map(row -> row.get(0, String.class) + "/" + row.get(1, Object.class) + "="
                        + ((Number) row.get(2, Object.class)).longValue())
                .collectList()
                .map(list -> list.stream()
                        .collect(Collectors.toMap(s -> s.split("=")[0], s -> Long.valueOf(s.split("=")[1]))))
                .block(TIMEOUT);
        assertThat(rows).isEqualTo(Map.of("done/1", (long) JOBS));
    }

    @DatabaseTest
    void shouldFailAtOnceOnALockedRowWithNowait(TestDatabase on) {
        createJobs(on);
        assertThatThrownBy(() -> inSession(holder -> holder.query(Job.class)
                        .filter(Job_.id.eq(1))
                        .forUpdate()
                        .one()
                        .flatMap(locked -> Mono.usingWhen(
                                Mono.fromSupplier(sessions::open),
                                other -> other.query(Job.class)
                                        .filter(Job_.id.eq(1))
                                        .forUpdate()
                                        .nowait()
                                        .one(),
                                Session::close))))
                .isInstanceOf(io.r2dbc.spi.R2dbcException.class);
    }
}
