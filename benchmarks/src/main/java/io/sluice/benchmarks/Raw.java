package io.sluice.benchmarks;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Result;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Plain R2DBC plumbing shared by the raw arms and the fixtures: a transaction on one pooled connection, and updates. */
public final class Raw {

    private Raw() {}

    /**
     * Runs work in a transaction on one connection of the pool: BEGIN, the work, COMMIT (ROLLBACK on error or cancel), then
     * gives the connection back. This is the shape of a Sluice session's work, so both arms send the same round trips.
     *
     * @param pool the pooled connection factory
     * @param work the work on the connection
     * @param <T> what the work emits
     * @return what the work emits
     */
    public static <T> Flux<T> inTransaction(ConnectionFactory pool, Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(
                pool.create(),
                connection -> Flux.usingWhen(
                        Mono.from(connection.beginTransaction()).thenReturn(connection),
                        work,
                        Connection::commitTransaction,
                        (c, error) -> c.rollbackTransaction(),
                        Connection::rollbackTransaction),
                Connection::close,
                (connection, error) -> connection.close(),
                Connection::close);
    }

    /**
     * Runs work on one connection of the pool in auto-commit mode.
     *
     * @param pool the pooled connection factory
     * @param work the work on the connection
     * @param <T> what the work emits
     * @return what the work emits
     */
    public static <T> Flux<T> withConnection(ConnectionFactory pool, Function<Connection, Publisher<T>> work) {
        return Flux.usingWhen(
                pool.create(), work, Connection::close, (connection, error) -> connection.close(), Connection::close);
    }

    /**
     * Executes SQL without binds and sums the rows it changed.
     *
     * @param connection the connection
     * @param sql the statement
     * @return the number of rows changed
     */
    public static Mono<Long> execute(Connection connection, String sql) {
        return Flux.from(connection.createStatement(sql).execute())
                .concatMap(Result::getRowsUpdated)
                .reduce(0L, Long::sum);
    }
}
