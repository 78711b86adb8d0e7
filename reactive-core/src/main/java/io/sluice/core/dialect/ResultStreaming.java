package io.sluice.core.dialect;

import io.sluice.core.internal.Assert;
import java.util.List;

/**
 * What a database's driver needs so that a large result streams instead of being materialized: session settings that the
 * connection turns on before the query and back off after it, whatever way the stream ends. Every stream also gives the driver a
 * fetch size ({@code Statement.fetchSize}), which drivers that fetch through a cursor use and the others ignore.
 *
 * <ul>
 *   <li>H2 (r2dbc-h2) builds a whole result in memory before the first row unless {@code LAZY_QUERY_EXECUTION} is on; it is then
 *       read row by row as the subscriber asks. H2 still materializes results it cannot compute lazily: {@code ORDER BY} without
 *       a usable index, {@code DISTINCT}, {@code GROUP BY}, {@code OFFSET}, window functions, and selects that are not read-only
 *       (sequences, non-deterministic functions).
 *   <li>PostgreSQL (r2dbc-postgresql) sends the whole result unless the statement has a fetch size; with one it reads through a
 *       portal, {@code fetchSize} rows per round trip, and a cancel closes the portal. No setting is needed.
 *   <li>MariaDB (r2dbc-mariadb, 1.2.0 and later) reads the socket only as rows are requested, so memory stays bounded; it has no
 *       cursor and ignores the fetch size, so the server runs the query to its end, and after a cancel the driver reads and drops
 *       the rest of the result before the connection runs its next statement. Bound such work with {@code LIMIT}.
 * </ul>
 *
 * @param enable the statements that turn streaming on for the connection, run before the query
 * @param restore the statements that turn it off again, run after the query completes, fails or is cancelled
 */
public record ResultStreaming(List<String> enable, List<String> restore) {

    /** Streaming needs no setting: the driver follows demand, with the fetch size where it has cursors. */
    public static final ResultStreaming DRIVER = new ResultStreaming(List.of(), List.of());

    /**
     * Checks and copies the statements.
     *
     * @throws IllegalArgumentException if a list is {@code null}
     */
    public ResultStreaming {
        enable = List.copyOf(Assert.requireNonNull(enable, "enable must not be null"));
        restore = List.copyOf(Assert.requireNonNull(restore, "restore must not be null"));
    }

    /**
     * Returns streaming that runs one statement before the query and one after it.
     *
     * @param enable the statement that turns streaming on, such as {@code SET LAZY_QUERY_EXECUTION TRUE}
     * @param restore the statement that turns it off
     * @return the streaming settings
     * @throws IllegalArgumentException if a statement is {@code null} or blank
     */
    public static ResultStreaming of(String enable, String restore) {
        return new ResultStreaming(
                List.of(Assert.hasText(enable, "enable must not be null or blank")),
                List.of(Assert.hasText(restore, "restore must not be null or blank")));
    }

    /**
     * Returns whether the connection has nothing to set.
     *
     * @return {@code true} if there are no statements
     */
    public boolean isDriverOnly() {
        return enable.isEmpty() && restore.isEmpty();
    }
}
