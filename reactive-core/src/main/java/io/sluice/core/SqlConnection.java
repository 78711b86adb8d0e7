package io.sluice.core;

import io.r2dbc.spi.Connection;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.Statement;
import io.sluice.core.sql.render.RenderedSql;
import java.util.List;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One database connection of an {@link Engine}, for the duration of {@link Engine#connect} or {@link Engine#transaction}.
 *
 * <p>An R2DBC connection runs one statement at a time: compose work on it in sequence ({@code then}, {@code concatMap}), not
 * concurrently. Results stream with backpressure; nothing is collected in memory by Sluice. Database errors are signalled as
 * R2DBC exceptions that carry the SQL that failed (see {@link SqlErrors}).
 */
public interface SqlConnection {

    /**
     * Returns the dialect statements are rendered with.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * Executes a statement and emits its rows, each copied into a {@link ResultRow} with values converted to the Java types of
     * the selected expressions where known.
     *
     * @param statement a select, an insert with {@code returning}, or a text statement
     * @return the rows; nothing happens until subscribed
     */
    Flux<ResultRow> query(Statement statement);

    /**
     * Executes a statement and emits one object per row, made by a mapper while the row is current.
     *
     * @param statement the statement
     * @param mapper turns a row into an object
     * @param <T> the type of the objects
     * @return the objects; nothing happens until subscribed
     */
    <T> Flux<T> query(Statement statement, RowMapper<T> mapper);

    /**
     * Executes an already rendered statement and emits one object per row.
     *
     * @param sql the SQL and binds, rendered for this connection's dialect
     * @param mapper turns a row into an object
     * @param <T> the type of the objects
     * @return the objects; nothing happens until subscribed
     */
    <T> Flux<T> query(RenderedSql sql, RowMapper<T> mapper);

    /**
     * Executes an insert, update, delete or DDL statement.
     *
     * @param statement the statement
     * @return the number of rows changed; nothing happens until subscribed
     */
    Mono<Long> execute(Statement statement);

    /**
     * Executes insert, update or delete statements in order, sending each run of consecutive statements that render to the
     * same SQL as one driver statement with one set of binds per statement ({@code io.r2dbc.spi.Statement#add()}): one
     * execution per run, however many rows. Listeners hear of every statement, as if each ran alone.
     *
     * <ul>
     *   <li>emits the number of rows each statement changed, in the order given, then completes
     *   <li>errors with the database's error (carrying the SQL) at the first statement that fails; the statements after it
     *       in the same run may or may not have been executed, as the driver decides, so run this in a transaction
     * </ul>
     *
     * @param statements the statements, in order
     * @return the update counts, one per statement; nothing happens until subscribed
     * @throws IllegalArgumentException if {@code statements} or one of them is {@code null}
     */
    Flux<Long> executeBatched(List<? extends Statement> statements);

    /**
     * Executes an already rendered statement.
     *
     * @param sql the SQL and binds
     * @return the number of rows changed; nothing happens until subscribed
     */
    Mono<Long> execute(RenderedSql sql);

    /**
     * Begins a transaction; statements run in it until {@link #commit()} or {@link #rollback()}.
     *
     * @return completes when the transaction has begun
     */
    Mono<Void> beginTransaction();

    /**
     * Begins a transaction with the given attributes (isolation level, read-only, lock wait timeout, as the driver supports
     * them), as a transaction manager asks.
     *
     * @param definition the transaction's attributes
     * @return completes when the transaction has begun
     * @throws IllegalArgumentException if {@code definition} is {@code null}
     */
    Mono<Void> beginTransaction(io.r2dbc.spi.TransactionDefinition definition);

    /**
     * Sets a savepoint in the current transaction, which {@link #rollbackToSavepoint(String)} goes back to.
     *
     * @param name the savepoint's name, a plain identifier
     * @return completes when the savepoint is set
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank
     */
    Mono<Void> createSavepoint(String name);

    /**
     * Rolls the current transaction back to a savepoint, undoing what was done after it and keeping what was done before.
     *
     * @param name the savepoint's name
     * @return completes when rolled back
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank
     */
    Mono<Void> rollbackToSavepoint(String name);

    /**
     * Releases a savepoint: what was done after it stays part of the transaction.
     *
     * @param name the savepoint's name
     * @return completes when released
     * @throws IllegalArgumentException if {@code name} is {@code null} or blank
     */
    Mono<Void> releaseSavepoint(String name);

    /**
     * Commits the current transaction.
     *
     * @return completes when committed
     */
    Mono<Void> commit();

    /**
     * Rolls back the current transaction.
     *
     * @return completes when rolled back
     */
    Mono<Void> rollback();

    /**
     * Gives the connection back to the engine's pool. Only for connections from {@link Engine#acquire()}; those handed to
     * {@link Engine#connect} and {@link Engine#transaction} are released by the engine.
     *
     * @return completes when the connection is back in the pool
     */
    Mono<Void> release();

    /**
     * Executes a select and emits one object per row as the subscriber asks for rows, without materializing the result: the
     * driver is given the fetch size, and the connection turns on the dialect's {@link
     * io.sluice.core.dialect.Dialect#streaming() streaming settings} (H2's {@code LAZY_QUERY_EXECUTION}) for the query and off
     * after it. PostgreSQL reads through a cursor, {@code fetchSize} rows per round trip, when the statement runs inside a
     * transaction (use {@link Engine#transaction} or {@link Engine#stream}).
     *
     * <ul>
     *   <li>completes after the last row; the settings are restored
     *   <li>errors with the database's error, carrying the SQL; the settings are restored
     *   <li>on cancel, the driver stops reading (PostgreSQL closes its cursor, H2 stops computing rows); the settings are
     *       restored, and statements subscribed afterwards on this connection wait until they are
     * </ul>
     *
     * @param statement a select or a text statement
     * @param mapper turns a row into an object
     * @param fetchSize how many rows the driver fetches per round trip where it has cursors, at least 1
     * @param <T> the type of the objects
     * @return the objects; nothing happens until subscribed
     * @throws IllegalArgumentException if an argument is {@code null} or {@code fetchSize} is less than 1
     */
    <T> Flux<T> stream(Statement statement, RowMapper<T> mapper, int fetchSize);

    /**
     * Executes an already rendered select and emits one object per row as the subscriber asks for rows, as {@link
     * #stream(Statement, RowMapper, int)} does.
     *
     * @param sql the SQL and binds, rendered for this connection's dialect
     * @param mapper turns a row into an object
     * @param fetchSize how many rows the driver fetches per round trip where it has cursors, at least 1
     * @param <T> the type of the objects
     * @return the objects; nothing happens until subscribed
     * @throws IllegalArgumentException if an argument is {@code null} or {@code fetchSize} is less than 1
     */
    <T> Flux<T> stream(RenderedSql sql, RowMapper<T> mapper, int fetchSize);

    /**
     * Returns the R2DBC connection, for what Sluice does not cover. Statements run on it bypass echo and listeners.
     *
     * @return the connection
     */
    Connection unwrap();
}
