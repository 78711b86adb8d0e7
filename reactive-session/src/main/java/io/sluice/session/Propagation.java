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
    REQUIRES_NEW
}
