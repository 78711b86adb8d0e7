package io.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcException;
import io.sluice.core.schema.Metadata;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import io.sluice.testing.Faults;
import io.sluice.testing.Pools;
import io.sluice.testing.RecordingListener;
import io.sluice.testing.Schemas;
import io.sluice.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/**
 * A connection the server kills in the middle of a transaction fails that transaction alone, and a COMMIT that fails is
 * signalled as the database's error; either way the caller gets the real error and the engine goes on.
 */
final class EngineFaultIntegrationTests {

    static final Table ITEMS = Table.builder("rel_fault_items")
            .column("id", SqlType.INTEGER)
            .primaryKey()
            .column("name", SqlType.varchar(40))
            .notNull()
            .build();
    static final Column<Integer> ID = ITEMS.column("id", Integer.class);
    static final Column<String> NAME = ITEMS.column("name", String.class);
    static final Metadata METADATA = Metadata.of(ITEMS);

    private Engine engine = TestDatabase.H2.engine();
    private final List<Engine> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        opened.forEach(extra -> extra.close().block(Duration.ofSeconds(10)));
        Schemas.drop(engine, METADATA);
    }

    private List<String> names() {
        return engine.query(SQL.select(NAME).orderBy(ID))
                .map(row -> (String) row.get(0))
                .collectList()
                .block(Duration.ofSeconds(10));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = {"POSTGRESQL", "MARIADB"})
    void shouldFailOnlyTheTransactionWhoseConnectionWasKilledAndServeTheNext(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        Engine pooled = database.newEngine(builder -> builder.maxSize(2));
        opened.add(pooled);

        // A bystander holds the pool's other connection in its own transaction across the kill.
        Sinks.Empty<Void> killed = Sinks.empty();
        Mono<Void> bystander = pooled.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(ID, NAME).values(1, "bystander"))
                        .then(killed.asMono())
                        .then(connection.execute(
                                SQL.update(ITEMS).set(NAME, "bystander, after").where(ID.eq(1)))))
                .then();
        Mono<Void> victim = pooled.transaction(connection -> connection
                        .execute(SQL.insertInto(ITEMS).columns(ID, NAME).values(2, "victim, before"))
                        .then(Faults.serverId(connection))
                        .flatMap(id -> Faults.kill(engine, id))
                        .doOnSuccess(ignored -> killed.tryEmitEmpty())
                        .then(connection.execute(
                                SQL.insertInto(ITEMS).columns(ID, NAME).values(3, "victim, after"))))
                .then();

        AtomicReference<Throwable> failure = new AtomicReference<>();
        Mono.when(
                        bystander,
                        victim.doOnError(failure::set)
                                .onErrorResume(error -> Mono.empty())
                                .doFinally(signal -> killed.tryEmitEmpty()))
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));

        assertThat(failure.get())
                .as("the victim's caller sees the driver's error, not a failure of the rollback that followed it")
                .isInstanceOf(R2dbcException.class);
        assertThat(names()).as("the killed transaction left nothing").containsExactly("bystander, after");

        // Both connections at once, then one after the other: the dead connection must not be handed out again.
        Mono.when(insert(pooled, 4), insert(pooled, 5))
                .then(insert(pooled, 6))
                .then(insert(pooled, 7))
                .as(StepVerifier::create)
                .expectComplete()
                .verify(Duration.ofSeconds(30));
        assertThat(names()).containsExactly("bystander, after", "next 4", "next 5", "next 6", "next 7");
        Pools.awaitAllIdle(pooled);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(names = "POSTGRESQL")
    void shouldSignalACommitThatFailsAsTheDatabaseErrorAndRollBack(TestDatabase database) {
        engine = database.engine();
        Schemas.recreate(engine, METADATA);
        // Only PostgreSQL checks a constraint at COMMIT: a deferred unique constraint.
        engine.execute(SQL.text("DROP TABLE IF EXISTS rel_fault_deferred"))
                .then(engine.execute(SQL.text("CREATE TABLE rel_fault_deferred (id INTEGER,"
                        + " CONSTRAINT rel_fault_deferred_id UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)")))
                .block(Duration.ofSeconds(10));
        RecordingListener sql = new RecordingListener();
        Engine single = database.newEngine(builder -> builder.maxSize(1).listener(sql));
        opened.add(single);
        try {
            single.transaction(connection -> connection
                            .execute(SQL.text("INSERT INTO rel_fault_deferred (id) VALUES (1), (1)"))
                            .then(connection.execute(
                                    SQL.insertInto(ITEMS).columns(ID, NAME).values(1, "lost"))))
                    .then()
                    .as(StepVerifier::create)
                    .expectError(R2dbcDataIntegrityViolationException.class)
                    .verify(Duration.ofSeconds(10));

            assertThat(sql.events()).endsWith("COMMIT", "ROLLBACK");
            assertThat(single.query(SQL.text("SELECT COUNT(*) FROM rel_fault_deferred"))
                            .map(row -> ((Number) row.get(0)).longValue())
                            .blockFirst(Duration.ofSeconds(10)))
                    .isZero();
            assertThat(names()).isEmpty();
            Pools.awaitAllIdle(single);
        } finally {
            engine.execute(SQL.text("DROP TABLE IF EXISTS rel_fault_deferred")).block(Duration.ofSeconds(10));
        }
    }

    private static Mono<Void> insert(Engine on, int id) {
        return on.transaction(connection -> connection.execute(
                        SQL.insertInto(ITEMS).columns(ID, NAME).values(id, "next " + id)))
                .then();
    }
}
