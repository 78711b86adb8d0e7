package io.sluice.session;

/**
 * How {@link SessionFactory#inTransaction(Propagation, java.util.function.Function)} relates to a transaction already in the
 * Reactor {@code Context} of its subscriber.
 */
public enum Propagation {

    /**
     * Joins the transaction of the {@code Context} when it comes from the same factory, running the work in that session; else
     * begins a new one. Joined work neither commits nor closes: the outermost transaction does. A failure of joined work fails
     * the whole transaction, even if an outer step recovers from the error.
     */
    REQUIRED,

    /**
     * Always begins a new session and transaction on a connection of its own, which commits or rolls back independently of any
     * transaction around it. The engine's pool must have a connection to spare, or this waits for one.
     */
    REQUIRES_NEW,

    /**
     * Inside a transaction of the same factory, runs the work in a nested transaction of that session ({@link
     * Session#beginNested()}): when the work fails or is cancelled, the database and the session's objects go back to the
     * savepoint and the error is signalled, and the transaction around it goes on (it does not fail, unlike joined work);
     * when it completes, the savepoint is released and its changes commit or roll back with the transaction around it.
     * Without a transaction around it, begins one as {@link #REQUIRED} does.
     */
    NESTED
}
