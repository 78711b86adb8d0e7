package io.sluice.core;

import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.Statement;
import java.util.Optional;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The source of database connections: an R2DBC driver found by URL, behind an r2dbc-pool connection pool, with the dialect
 * that renders SQL for it.
 *
 * <p>An engine is lazy: building one opens no connection; the first operation does. Every operation returns a {@link Mono} or
 * {@link Flux} and nothing happens until it is subscribed. Nothing blocks.
 *
 * <pre>{@code
 * Engine engine = Engine.builder("r2dbc:h2:mem:///tutorial").echo(true).build();
 * engine.transaction(connection -> connection.execute(SQL.insertInto(users).columns(name).values("ed")))
 *         .then(engine.close());
 * }</pre>
 */
public interface Engine {

    /**
     * Returns an engine with the default pool settings and no echo.
     *
     * @param url an R2DBC URL such as {@code r2dbc:postgresql://user@localhost:5432/db}
     * @return the engine; no connection is opened yet
     * @throws IllegalArgumentException if the URL is malformed or no driver or dialect fits it
     */
    static Engine create(String url) {
        return builder(url).build();
    }

    /**
     * Returns a builder for an engine over an R2DBC URL.
     *
     * @param url an R2DBC URL
     * @return the builder
     * @throws IllegalArgumentException if {@code url} is {@code null} or blank
     */
    static EngineBuilder builder(String url) {
        return new EngineBuilder(url);
    }

    /**
     * Returns a builder for an engine over a connection factory the caller made (it is pooled by the engine).
     *
     * @param factory the driver's connection factory
     * @return the builder
     * @throws IllegalArgumentException if {@code factory} is {@code null}
     */
    static EngineBuilder builder(ConnectionFactory factory) {
        return new EngineBuilder(factory);
    }

    /**
     * Returns the dialect of the engine's database.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * Returns the engine's URL without its password.
     *
     * @return the URL
     */
    String url();

    /**
     * Runs work on one pooled connection in auto-commit mode and emits what the work emits.
     *
     * <ul>
     *   <li>completes when the work's publisher completes; the connection is released
     *   <li>errors with {@link ConnectException} if no connection can be opened, or with the work's error; the connection is
     *       released
     *   <li>on cancel, the work is cancelled and the connection released
     * </ul>
     *
     * @param work a function of the connection
     * @param <T> the type of what the work emits
     * @return the work's elements
     * @throws IllegalArgumentException if {@code work} is {@code null}
     */
    <T> Flux<T> connect(Function<? super SqlConnection, ? extends Publisher<T>> work);

    /**
     * Acquires a pooled connection for a holder that keeps it across several operations, such as a session. The holder must
     * give it back with {@link SqlConnection#release()}, whatever happens; prefer {@link #connect} and {@link #transaction},
     * which do that themselves.
     *
     * @return the connection; errors with {@link ConnectException} if none can be opened
     */
    Mono<SqlConnection> acquire();

    /**
     * Runs work in a transaction on one pooled connection and emits what the work emits.
     *
     * <ul>
     *   <li>commits when the work's publisher completes, then completes
     *   <li>rolls back when the work errors (or the commit fails), then signals the error
     *   <li>rolls back when the subscriber cancels
     * </ul>
     *
     * In every case the connection is released.
     *
     * @param work a function of the connection
     * @param <T> the type of what the work emits
     * @return the work's elements
     * @throws IllegalArgumentException if {@code work} is {@code null}
     */
    <T> Flux<T> transaction(Function<? super SqlConnection, ? extends Publisher<T>> work);

    /**
     * Runs work in a transaction with options (isolation level, read-only, timeouts) on one pooled connection, as {@link
     * #transaction(Function)} does; settings the options changed on the connection are put back before it returns to the
     * pool.
     *
     * @param options the transaction's options
     * @param work a function of the connection
     * @param <T> what the work emits
     * @return what the work emits
     */
    <T> Flux<T> transaction(TransactionOptions options, Function<? super SqlConnection, ? extends Publisher<T>> work);

    /**
     * Executes a statement on a pooled connection in auto-commit mode and emits its rows.
     *
     * @param statement the statement
     * @return the rows
     */
    Flux<ResultRow> query(Statement statement);

    /**
     * Executes a statement on a pooled connection in auto-commit mode and emits one object per row.
     *
     * @param statement the statement
     * @param mapper turns a row into an object
     * @param <T> the type of the objects
     * @return the objects
     */
    <T> Flux<T> query(Statement statement, RowMapper<T> mapper);

    /**
     * Executes a select in a read transaction on a pooled connection and emits one object per row as the subscriber asks for
     * rows, without materializing the result (see {@link SqlConnection#stream(Statement, RowMapper, int)}).
     *
     * <ul>
     *   <li>completes after the last row; the transaction commits and the connection is released
     *   <li>errors with the database's error; the transaction rolls back and the connection is released
     *   <li>on cancel, the driver stops reading; the transaction rolls back and the connection is released
     * </ul>
     *
     * @param statement a select or a text statement
     * @param mapper turns a row into an object
     * @param fetchSize how many rows the driver fetches per round trip where it has cursors, at least 1
     * @param <T> the type of the objects
     * @return the objects
     * @throws IllegalArgumentException if an argument is {@code null} or {@code fetchSize} is less than 1
     */
    <T> Flux<T> stream(Statement statement, RowMapper<T> mapper, int fetchSize);

    /**
     * Executes an insert, update, delete or DDL statement on a pooled connection in auto-commit mode.
     *
     * @param statement the statement
     * @return the number of rows changed
     */
    Mono<Long> execute(Statement statement);

    /**
     * Returns the pooled connection factory, for code that talks R2DBC directly on the same pool.
     *
     * @return the pool
     */
    ConnectionFactory connectionFactory();

    /**
     * Returns the pool's metrics (acquired, idle and pending connections).
     *
     * @return the metrics, if the pool provides them
     */
    Optional<PoolMetrics> poolMetrics();

    /**
     * Closes the pool: idle connections are closed and no new one is opened.
     *
     * @return completes when the pool is disposed
     */
    Mono<Void> close();
}
