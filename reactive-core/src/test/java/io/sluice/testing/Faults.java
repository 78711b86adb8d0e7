package io.sluice.testing;

import io.sluice.core.Engine;
import io.sluice.core.SqlConnection;
import io.sluice.core.dialect.Dialect;
import io.sluice.core.sql.SQL;
import java.time.Duration;
import reactor.core.publisher.Mono;

/** Kills a connection from the server side, as an administrator or a crashed network would, on PostgreSQL and MariaDB. */
public final class Faults {

    private Faults() {}

    /**
     * Emits the server's id of the connection's session: the backend pid on PostgreSQL, the connection id on MariaDB.
     *
     * @throws IllegalArgumentException if the database cannot kill connections from another one (H2 in memory)
     */
    public static Mono<Long> serverId(SqlConnection connection) {
        return connection
                .query(SQL.select(SQL.function(idFunction(connection.dialect()), null)))
                .next()
                .map(row -> ((Number) row.get(0)).longValue());
    }

    /** Returns the name of the function that gives the server id of the connection it runs on. */
    public static String idFunction(Dialect dialect) {
        return switch (dialect.name()) {
            case "PostgreSQL" -> "pg_backend_pid";
            case "MariaDB" -> "connection_id";
            default -> throw new IllegalArgumentException(dialect + " has no connection to kill");
        };
    }

    /**
     * Terminates a server session from another connection of {@code killer}, and completes only once the server no longer lists
     * it.
     */
    public static Mono<Void> kill(Engine killer, long serverId) {
        Mono<Void> kill = switch (killer.dialect().name()) {
            // waits up to 10 s for the backend to exit
            case "PostgreSQL" ->
                killer.query(SQL.text("SELECT pg_terminate_backend(:pid, 10000)")
                                .bind("pid", (int) serverId))
                        .then();
            // KILL takes no bind parameter; the id is a number read from the server, not input
            case "MariaDB" ->
                killer.execute(SQL.text("KILL CONNECTION " + serverId)).then(gone(killer, serverId));
            default -> Mono.error(new IllegalArgumentException(killer.dialect() + " cannot kill connections"));
        };
        return kill.timeout(Duration.ofSeconds(20));
    }

    /**
     * Completes once the server session {@code serverId} waits for a lock held by another transaction (polled from another
     * connection of {@code observer}, within a bound), so that a test can act while a statement is running on the server.
     */
    public static Mono<Void> awaitLockWait(Engine observer, long serverId) {
        String query = switch (observer.dialect().name()) {
            case "PostgreSQL" -> "SELECT COUNT(*) FROM pg_stat_activity WHERE pid = :id AND wait_event_type = 'Lock'";
            case "MariaDB" ->
                "SELECT COUNT(*) FROM information_schema.INNODB_TRX"
                        + " WHERE trx_mysql_thread_id = :id AND trx_state = 'LOCK WAIT'";
            default -> throw new IllegalArgumentException(observer.dialect() + " is not observed");
        };
        return observer.query(SQL.text(query)
                        .bind(
                                "id",
                                observer.dialect().name().equals("PostgreSQL") ? (Object) (int) serverId : serverId))
                .next()
                .map(row -> ((Number) row.get(0)).longValue())
                .filter(count -> count > 0)
                .repeatWhenEmpty(500, attempts -> attempts.delayElements(Duration.ofMillis(10)))
                .then();
    }

    private static Mono<Void> gone(Engine killer, long serverId) {
        return killer.query(SQL.text("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = :id")
                        .bind("id", serverId))
                .next()
                .map(row -> ((Number) row.get(0)).longValue())
                .filter(count -> count == 0)
                .repeatWhenEmpty(200, attempts -> attempts.delayElements(Duration.ofMillis(10)))
                .then();
    }
}
