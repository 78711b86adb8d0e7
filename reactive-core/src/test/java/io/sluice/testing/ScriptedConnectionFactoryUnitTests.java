package io.sluice.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.ValidationDepth;
import io.sluice.core.Engine;
import io.sluice.core.dialect.PostgresDialect;
import io.sluice.core.sql.Column;
import io.sluice.core.sql.SQL;
import io.sluice.core.sql.SqlType;
import io.sluice.core.sql.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

final class ScriptedConnectionFactoryUnitTests {

    private static final Table USERS = Table.builder("users")
            .column("id", SqlType.BIGINT)
            .primaryKey()
            .column("name", SqlType.varchar(50))
            .build();
    private static final Column<Long> ID = USERS.column("id", Long.class);
    private static final Column<String> NAME = USERS.column("name", String.class);

    private final ScriptedConnectionFactory database = new ScriptedConnectionFactory();

    private Connection connect() {
        return Mono.from(database.create()).block(Duration.ofSeconds(5));
    }

    private static <T> Flux<T> run(Statement statement, Function<Result, org.reactivestreams.Publisher<T>> read) {
        return Flux.from(statement.execute()).concatMap(read);
    }

    @Test
    void shouldAnswerAScriptedQueryWithItsRows() {
        database.expect("SELECT id, name FROM users WHERE name = $1")
                .withBinds("ed")
                .returnRows(Rows.of("id", "name").row(1L, "ed").row(2L, "eddie"));

        run(
                        connect()
                                .createStatement("SELECT id, name FROM users WHERE name = $1")
                                .bind(0, "ed"),
                        result -> result.map(
                                (row, metadata) -> row.get("ID", Long.class) + " " + row.get(1, String.class)))
                .as(StepVerifier::create)
                .expectNext("1 ed", "2 eddie")
                .verifyComplete();
        database.verify();
        assertThat(database.executed()).singleElement().satisfies(executed -> {
            assertThat(executed.sql()).isEqualTo("SELECT id, name FROM users WHERE name = $1");
            assertThat(executed.binds()).containsExactly("ed");
        });
    }

    @Test
    void shouldFailTheStatementNamingExpectedAndActualSqlWhenTheScriptDiffers() {
        database.expect("SELECT id FROM users");

        run(connect().createStatement("SELECT name FROM users"), Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("statement 1 does not match the script")
                        .hasMessageContaining("expected SQL: SELECT id FROM users")
                        .hasMessageContaining("actual SQL:   SELECT name FROM users"))
                .verify(Duration.ofSeconds(5));
        assertThatThrownBy(database::verify)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected SQL: SELECT id FROM users");
    }

    @Test
    void shouldFailWhenBindsDifferEvenOnlyInTheirClass() {
        database.expect("DELETE FROM users WHERE id = $1").withBinds(1);

        run(connect().createStatement("DELETE FROM users WHERE id = $1").bind(0, 1L), Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(AssertionError.class)
                        .hasMessageContaining("expected: [[1]]")
                        .hasMessageContaining("actual:   [[1 (Long)]]"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldRecordNullBindsWithTheirType() {
        database.expect("UPDATE users SET name = $1 WHERE id = $2").withBinds(NullBind.of(String.class), 7L);
        database.expect("UPDATE users SET name = $1 WHERE id = $2").withBinds(null, 8L);
        database.expect("UPDATE users SET name = $1 WHERE id = $2").withBinds(NullBind.of(Long.class), 9L);
        Connection connection = connect();

        for (long id = 7; id <= 9; id++) {
            Flux<Long> update = run(
                    connection
                            .createStatement("UPDATE users SET name = $1 WHERE id = $2")
                            .bindNull(0, String.class)
                            .bind(1, id),
                    Result::getRowsUpdated);
            if (id < 9) {
                update.as(StepVerifier::create).expectNext(1L).verifyComplete();
            } else {
                update.as(StepVerifier::create).verifyError(AssertionError.class);
            }
        }
        assertThat(database.executed().get(0).bindings()).containsExactly(Map.of(0, NullBind.of(String.class), 1, 7L));
    }

    @Test
    void shouldRecordEachSetOfBindsOfABatchAndAnswerACountForEach() {
        database.expect("UPDATE users SET name = $1 WHERE id = $2")
                .withBinds("ed", 1L)
                .andBinds("wendy", 2L)
                .returnUpdateCount(1, 0);

        run(
                        connect()
                                .createStatement("UPDATE users SET name = $1 WHERE id = $2")
                                .bind(0, "ed")
                                .bind(1, 1L)
                                .add()
                                .bind(0, "wendy")
                                .bind(1, 2L),
                        Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectNext(1L, 0L)
                .verifyComplete();
        database.verify();
        assertThat(database.executed().get(0).batch()).containsExactly(List.of("ed", 1L), List.of("wendy", 2L));
    }

    @Test
    void shouldAnswerOneUpdateCountPerSetOfBindsByDefault() {
        database.expect("DELETE FROM users WHERE id = $1");

        run(
                        connect()
                                .createStatement("DELETE FROM users WHERE id = $1")
                                .bind(0, 1L)
                                .add()
                                .bind(0, 2L),
                        Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectNext(1L, 1L)
                .verifyComplete();
    }

    @Test
    void shouldFailVerifyWhenStatementsOfTheScriptWereNotExecuted() {
        database.expect("SELECT 1");
        database.expect("SELECT 2");

        run(connect().createStatement("SELECT 1"), Result::getRowsUpdated).blockLast(Duration.ofSeconds(5));

        assertThat(database.remaining()).isEqualTo(1);
        assertThatThrownBy(database::verify)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 expected statement(s) not executed, the first: SELECT 2")
                .hasMessageContaining("statements executed: [SELECT 1]");
    }

    @Test
    void shouldFailAStatementThatComesAfterTheScriptEnds() {
        run(connect().createStatement("SELECT 1"), Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectErrorMessage("unexpected statement 1 (the script has no more): SELECT 1")
                .verify(Duration.ofSeconds(5));
        assertThatThrownBy(database::verify).hasMessageContaining("unexpected statement 1");
    }

    @Test
    void shouldRecordTransactionCommandsInOrderWithStatements() {
        database.expect("INSERT INTO users (name) VALUES ($1)").withBinds("ed");
        Connection connection = connect();

        Mono.from(connection.beginTransaction())
                .thenMany(connection
                        .createStatement("INSERT INTO users (name) VALUES ($1)")
                        .bind(0, "ed")
                        .execute())
                .concatMap(Result::getRowsUpdated)
                .then(Mono.from(connection.commitTransaction()))
                .then(Mono.from(connection.beginTransaction()))
                .then(Mono.from(connection.rollbackTransaction()))
                .as(StepVerifier::create)
                .verifyComplete();

        assertThat(database.events())
                .containsExactly("BEGIN", "INSERT INTO users (name) VALUES ($1)", "COMMIT", "BEGIN", "ROLLBACK");
        assertThat(connection.isAutoCommit()).isTrue();
    }

    @Test
    void shouldAnswerGeneratedKeysToAStatementThatAskedForThem() {
        database.expect("INSERT INTO users (name) VALUES (?), (?)")
                .withBinds("ed", "wendy")
                .returnGeneratedKeys(Rows.of("id").row(1L).row(2L));

        Statement insert = connect()
                .createStatement("INSERT INTO users (name) VALUES (?), (?)")
                .bind(0, "ed")
                .bind(1, "wendy")
                .returnGeneratedValues("id");
        Flux.from(insert.execute())
                .concatMap(result -> result.map(row -> row.get(0, Long.class)))
                .as(StepVerifier::create)
                .expectNext(1L, 2L)
                .verifyComplete();
        assertThat(database.executed().get(0).generatedColumns()).containsExactly("id");
    }

    @Test
    void shouldFailAnInsertThatAskedForGeneratedKeysTheScriptDoesNotAnswer() {
        database.expect("INSERT INTO users (name) VALUES (?)").withBinds("ed");
        database.expect("INSERT INTO users (name) VALUES (?)")
                .returnGeneratedKeys(Rows.of("id").row(1L));
        Connection connection = connect();

        run(
                        connection
                                .createStatement("INSERT INTO users (name) VALUES (?)")
                                .bind(0, "ed")
                                .returnGeneratedValues("id"),
                        Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectErrorSatisfies(
                        error -> assertThat(error).hasMessageContaining("asked for the generated values of [id]"))
                .verify(Duration.ofSeconds(5));
        run(connection.createStatement("INSERT INTO users (name) VALUES (?)").bind(0, "ed"), Result::getRowsUpdated)
                .as(StepVerifier::create)
                .expectErrorSatisfies(error ->
                        assertThat(error).hasMessageContaining("expected to ask for the generated values of [id]"))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldSignalTheScriptedError() {
        database.expect("INSERT INTO users (name) VALUES ($1)")
                .fail(new R2dbcDataIntegrityViolationException("duplicate"));

        run(connect().createStatement("INSERT INTO users (name) VALUES ($1)").bind(0, "ed"), Result::getRowsUpdated)
                .as(StepVerifier::create)
                .verifyErrorMatches(error -> error instanceof R2dbcDataIntegrityViolationException
                        && error.getMessage().equals("duplicate"));
        database.verify();
    }

    @Test
    void shouldConvertNumbersToTheClassAskedForWhenTheyFit() {
        database.expect("SELECT n").returnRows(Rows.of("n").row(7).row(3_000_000_000L));

        Flux.from(connect().createStatement("SELECT n").execute())
                .concatMap(result -> result.map((row, metadata) -> List.of(
                        metadata.getColumnMetadata(0).getJavaType(),
                        row.get(0, Long.class),
                        row.get(0, BigDecimal.class),
                        row.get(0, Double.class),
                        row.get(0))))
                .as(StepVerifier::create)
                .expectNext(List.of(Integer.class, 7L, new BigDecimal("7"), 7.0, 7))
                .expectNext(List.of(Integer.class, 3_000_000_000L, new BigDecimal("3000000000"), 3.0e9, 3_000_000_000L))
                .verifyComplete();
    }

    @Test
    void shouldRefuseToReadANumberAsAClassItDoesNotFit() {
        database.expect("SELECT n").returnRows(Rows.of("n").row(3_000_000_000L));

        Flux.from(connect().createStatement("SELECT n").execute())
                .concatMap(result -> result.map((row, metadata) -> row.get(0, Integer.class)))
                .as(StepVerifier::create)
                .expectErrorMessage("column n holds Long 3000000000, which cannot be read as Integer")
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void shouldFilterSegmentsAndMapThem() {
        database.expect("INSERT INTO users (name) VALUES (?)")
                .returnGeneratedKeys(Rows.of("id").row(5L));

        Result result = Mono.from(connect()
                        .createStatement("INSERT INTO users (name) VALUES (?)")
                        .bind(0, "ed")
                        .returnGeneratedValues("ID")
                        .execute())
                .block(Duration.ofSeconds(5));
        Flux.from(result.filter(Result.UpdateCount.class::isInstance)
                        .flatMap(segment -> Mono.just(((Result.UpdateCount) segment).value())))
                .as(StepVerifier::create)
                .expectNext(1L)
                .verifyComplete();
        Flux.from(result.flatMap(segment -> Mono.just(
                        segment instanceof Result.RowSegment rows
                                ? "row " + rows.row().get("id")
                                : "count")))
                .as(StepVerifier::create)
                .expectNext("row 5", "count")
                .verifyComplete();
    }

    @Test
    void shouldRefuseStatementsOnAClosedConnection() {
        Connection connection = connect();
        Mono.from(connection.validate(ValidationDepth.LOCAL))
                .as(StepVerifier::create)
                .expectNext(true)
                .verifyComplete();

        Mono.from(connection.close()).block(Duration.ofSeconds(5));

        assertThat(database.openConnections()).isZero();
        assertThatThrownBy(() -> connection.createStatement("SELECT 1")).isInstanceOf(IllegalStateException.class);
        Mono.from(connection.beginTransaction()).as(StepVerifier::create).verifyError(IllegalStateException.class);
    }

    @Test
    void shouldServeAnEngineThroughItsPool() {
        database.expect("SELECT users.id, users.name FROM users WHERE users.name = $1")
                .withBinds("ed")
                .returnRows(Rows.of("id", "name").row(1, "ed"));
        Engine engine =
                Engine.builder(database).dialect(PostgresDialect.INSTANCE).build();
        try {
            engine.transaction(connection ->
                            connection.query(SQL.select(ID, NAME).from(USERS).where(NAME.eq("ed"))))
                    .map(row -> row.get(0, Long.class) + " " + row.get(1, String.class))
                    .as(StepVerifier::create)
                    .expectNext("1 ed")
                    .verifyComplete();
        } finally {
            engine.close().block(Duration.ofSeconds(5));
        }
        database.verify();
        assertThat(database.events())
                .containsExactly("BEGIN", "SELECT users.id, users.name FROM users WHERE users.name = $1", "COMMIT");
        assertThat(database.openConnections()).isZero();
    }
}
