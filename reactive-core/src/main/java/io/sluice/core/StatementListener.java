package io.sluice.core;

import io.sluice.core.sql.render.RenderedSql;

/**
 * Observes what an engine sends to the database: each statement before it executes, and transaction commands. Listeners run on
 * the thread that executes the statement and must not block. Echo logging is one such listener; tests use one to assert the SQL
 * emitted.
 */
public interface StatementListener {

    /**
     * Called before a statement is executed.
     *
     * @param sql the SQL and its bind values
     */
    void beforeExecute(RenderedSql sql);

    /**
     * Called when a statement told of by {@link #beforeExecute(RenderedSql)} has ended, with the same {@code sql} instance:
     * its rows were read or its count returned ({@code error} is {@code null}), it failed (the error), or its subscriber
     * cancelled it (a {@link java.util.concurrent.CancellationException}). Statements of a batch end together. Does nothing by
     * default.
     *
     * @param sql the SQL, as given to {@code beforeExecute}
     * @param error the failure, or {@code null}
     */
    default void afterExecute(RenderedSql sql, @org.jspecify.annotations.Nullable Throwable error) {}

    /**
     * Called when a statement has ended, as {@link #afterExecute(RenderedSql, Throwable)} is, with how many rows it read (a
     * query, up to where it ended) or changed (an update count); {@code -1} when not known (statements of a batch of several).
     * By default calls {@link #afterExecute(RenderedSql, Throwable)}: implement one of the two.
     *
     * @param sql the SQL, as given to {@code beforeExecute}
     * @param rows the rows read or changed, or {@code -1}
     * @param error the failure, or {@code null}
     */
    default void afterExecute(RenderedSql sql, long rows, @org.jspecify.annotations.Nullable Throwable error) {
        afterExecute(sql, error);
    }

    /**
     * Called when a transaction command is sent: {@code BEGIN}, {@code COMMIT} or {@code ROLLBACK}.
     *
     * @param command the command
     */
    default void onTransaction(String command) {}
}
